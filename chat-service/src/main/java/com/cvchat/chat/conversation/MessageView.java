package com.cvchat.chat.conversation;

import com.cvchat.chat.web.ApiTimes;

/** A message as the API shows it. */
public record MessageView(String id, String sender, String message, String createdAt) {

    static MessageView of(MessageDocument document) {
        return new MessageView(document.id(), document.sender(), document.text(), ApiTimes.format(document.createdAt()));
    }
}
