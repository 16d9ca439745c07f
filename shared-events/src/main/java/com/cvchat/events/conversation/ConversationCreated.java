package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/**
 * A chat conversation was created.
 *
 * @param title   initial title (null until generated or set)
 * @param channel {@code text} (POST /chats) or {@code voice} (created by the voice socket)
 */
@WireType(name = "chat.conversation-created", version = 1)
public record ConversationCreated(String title, String channel) implements ConversationEvent {
}
