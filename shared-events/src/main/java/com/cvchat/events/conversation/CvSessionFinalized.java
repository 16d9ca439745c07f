package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/** A CV-builder session was finalized into a document version; the session is now {@code completed}. */
@WireType(name = "cv.session-finalized", version = 1)
public record CvSessionFinalized(String documentId, int version, String title, String templateCode)
        implements ConversationEvent {
}
