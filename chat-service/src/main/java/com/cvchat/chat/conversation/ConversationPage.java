package com.cvchat.chat.conversation;

import com.cvchat.chat.web.Pagination;

import java.util.List;

/** {@code data} of GET /chats. */
public record ConversationPage(List<ConversationView> conversations, Pagination pagination) {
}
