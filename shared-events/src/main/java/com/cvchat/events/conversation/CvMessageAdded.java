package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/**
 * A message of a CV-builder session.
 *
 * @param role {@code user} or {@code model} (the spec's conversation_history roles)
 */
@WireType(name = "cv.message-added", version = 1)
public record CvMessageAdded(String messageId, String role, String text) implements ConversationEvent {
}
