package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/**
 * A message was stored in a chat conversation.
 *
 * @param messageId  id of the stored message
 * @param sender     {@code user} or {@code ai}
 * @param text       the message text
 * @param channel    {@code text} or {@code voice}
 * @param requestId  the LLM request that produced (ai) or was triggered by (user) this message; may be null
 * @param disclaimerCategory primary disclaimer category of an ai message, or null
 */
@WireType(name = "chat.message-added", version = 1)
public record MessageAdded(
        String messageId,
        String sender,
        String text,
        String channel,
        String requestId,
        String disclaimerCategory) implements ConversationEvent {
}
