package com.cvchat.chat.conversation;

import com.cvchat.chat.web.Pagination;

import java.util.List;

/** {@code data} of GET /chats/{id}. */
public record ConversationWithMessages(ConversationView conversation, List<MessageView> messages,
                                       Pagination pagination) {
}
