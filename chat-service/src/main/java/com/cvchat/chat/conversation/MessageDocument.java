package com.cvchat.chat.conversation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** A message of a chat conversation in the read model. Written only by {@link ConversationProjector}. */
@Document("messages")
public record MessageDocument(
        @Id String id,
        String conversationId,
        String sender,
        String text,
        String channel,
        String requestId,
        String disclaimerCategory,
        Instant createdAt) {

    public static final String SENDER_USER = "user";
    public static final String SENDER_AI = "ai";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String CREATED_AT = "createdAt";
}
