package com.cvchat.events.conversation;

import com.cvchat.events.WireType;
import tools.jackson.databind.JsonNode;

/**
 * A document got a new version (envelope conversation id = document id).
 *
 * @param source       {@code finalize}, {@code restore} or {@code import}
 * @param sessionId    the CV session it came from (finalize), else null
 * @param restoredFrom the version restored (restore), else null
 */
@WireType(name = "document.version-created", version = 1)
public record DocumentVersionCreated(
        String documentId,
        int version,
        String docType,
        String title,
        String slug,
        String templateCode,
        JsonNode data,
        String source,
        String sessionId,
        Integer restoredFrom) implements ConversationEvent {
}
