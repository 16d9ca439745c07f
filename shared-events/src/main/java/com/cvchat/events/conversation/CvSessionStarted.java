package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/**
 * A CV-builder session was started (envelope conversation id = session id).
 *
 * @param docType {@code cv} or {@code cover_letter}
 */
@WireType(name = "cv.session-started", version = 1)
public record CvSessionStarted(String docType) implements ConversationEvent {
}
