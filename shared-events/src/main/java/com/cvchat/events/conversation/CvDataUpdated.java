package com.cvchat.events.conversation;

import com.cvchat.events.WireType;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * The document data of a CV-builder session changed.
 *
 * @param patch    what the turn contributed (as extracted)
 * @param data     the whole data after the merge (replay applies this snapshot, so it never depends on merge code versions)
 * @param progress progress after the change, 0..100
 * @param fieldsCollected sections complete after the change
 */
@WireType(name = "cv.data-updated", version = 1)
public record CvDataUpdated(JsonNode patch, JsonNode data, int progress, List<String> fieldsCollected)
        implements ConversationEvent {
}
