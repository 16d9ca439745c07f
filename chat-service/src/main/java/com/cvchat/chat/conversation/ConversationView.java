package com.cvchat.chat.conversation;

import com.cvchat.chat.web.ApiTimes;

/** A conversation as the API shows it. */
public record ConversationView(String id, String userId, String title, String createdAt) {

    static ConversationView of(ConversationDocument document) {
        return new ConversationView(document.id(), document.userId(), document.title(),
                ApiTimes.format(document.createdAt()));
    }
}
