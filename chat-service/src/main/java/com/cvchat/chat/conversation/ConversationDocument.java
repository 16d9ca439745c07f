package com.cvchat.chat.conversation;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A chat conversation in the read model. Written only by {@link ConversationProjector}. A deleted conversation stays
 * as a tombstone ({@code deleted = true}) so that replaying an older event never brings it back.
 *
 * @param titleAt      when the title was last set (orders renames; null while untitled)
 * @param messageCount how many messages it has, counted by the projector as each is first stored; null for a
 *                     conversation stored before the count existed
 */
@Document("conversations")
public record ConversationDocument(
        @Id String id,
        String userId,
        String title,
        Instant titleAt,
        String channel,
        Instant createdAt,
        boolean deleted,
        Long messageCount) {

    public static final String USER_ID = "userId";
    public static final String TITLE = "title";
    public static final String TITLE_AT = "titleAt";
    public static final String CHANNEL = "channel";
    public static final String CREATED_AT = "createdAt";
    public static final String DELETED = "deleted";
    public static final String MESSAGE_COUNT = "messageCount";
}
