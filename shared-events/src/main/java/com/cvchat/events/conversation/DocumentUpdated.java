package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/** A document's metadata changed (title, template); data versions are never rewritten. */
@WireType(name = "document.updated", version = 1)
public record DocumentUpdated(String documentId, String title, String slug, String templateCode)
        implements ConversationEvent {
}
