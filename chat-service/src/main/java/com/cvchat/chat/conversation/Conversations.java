package com.cvchat.chat.conversation;

import com.cvchat.chat.web.PageParams;
import com.cvchat.platform.web.ApiException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Reads of the chat read model, always on behalf of one user: someone else's conversation does not exist. */
@Component
public class Conversations {

    /** The spec's text for a conversation that does not exist, was deleted, or belongs to someone else. */
    public static final String NOT_FOUND = "Chat session not found or expired";

    private final MongoTemplate mongo;

    public Conversations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The user's live conversation {@code id}; a 404 for a malformed id, a deleted one or another user's. */
    public ConversationDocument owned(String userId, String id) {
        if (!isUuid(id)) {
            throw ApiException.notFound(NOT_FOUND);
        }
        ConversationDocument document = mongo.findById(id, ConversationDocument.class);
        if (document == null || document.deleted() || !userId.equals(document.userId())) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return document;
    }

    public ConversationDocument byId(String id) {
        return mongo.findById(id, ConversationDocument.class);
    }

    public ConversationPage list(String userId, PageParams page) {
        Query mine = new Query(where(ConversationDocument.USER_ID).is(userId).and(ConversationDocument.DELETED).is(false));
        long total = mongo.count(mine, ConversationDocument.class);
        page.requireWithin(total);
        List<ConversationView> views = mongo.find(mine.with(Sort.by(Sort.Order.desc(ConversationDocument.CREATED_AT),
                                Sort.Order.desc("_id"))).skip(page.skip()).limit(page.perPage()),
                        ConversationDocument.class)
                .stream().map(ConversationView::of).toList();
        return new ConversationPage(views, com.cvchat.chat.web.Pagination.of(page, total));
    }

    public ConversationWithMessages withMessages(ConversationDocument conversation, PageParams page) {
        Query query = messagesOf(conversation.id());
        long total = mongo.count(query, MessageDocument.class);
        page.requireWithin(total);
        List<MessageView> messages = mongo.find(query.with(chronological()).skip(page.skip()).limit(page.perPage()),
                MessageDocument.class).stream().map(MessageView::of).toList();
        return new ConversationWithMessages(ConversationView.of(conversation), messages,
                com.cvchat.chat.web.Pagination.of(page, total));
    }

    /** The last {@code count} messages of a conversation, oldest first. */
    public List<MessageDocument> recentMessages(String conversationId, int count) {
        List<MessageDocument> newestFirst = mongo.find(messagesOf(conversationId)
                .with(chronological().reverse()).limit(count), MessageDocument.class);
        return newestFirst.reversed();
    }

    /** Whether the conversation has messages: from its count (no look at the messages), else by looking. */
    public boolean hasMessages(ConversationDocument conversation) {
        return conversation.messageCount() != null ? conversation.messageCount() > 0
                : mongo.exists(messagesOf(conversation.id()), MessageDocument.class);
    }

    public boolean messageExists(String messageId) {
        return mongo.exists(new Query(where("_id").is(messageId)), MessageDocument.class);
    }

    private static Query messagesOf(String conversationId) {
        return new Query(where(MessageDocument.CONVERSATION_ID).is(conversationId));
    }

    private static Sort chronological() {
        return Sort.by(Sort.Order.asc(MessageDocument.CREATED_AT), Sort.Order.asc("_id"));
    }

    public static boolean isUuid(String value) {
        try {
            return value != null && value.length() == 36 && UUID.fromString(value).toString().equalsIgnoreCase(value);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
