package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/**
 * The title of a chat conversation changed.
 *
 * @param generated true when the model generated it, false when the user renamed the conversation
 */
@WireType(name = "chat.title-set", version = 1)
public record TitleSet(String title, boolean generated) implements ConversationEvent {
}
