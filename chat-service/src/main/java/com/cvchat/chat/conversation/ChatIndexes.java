package com.cvchat.chat.conversation;

import com.cvchat.chat.stream.storage.StreamRecord;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The indexes chat-service's queries use (a user's conversations, a conversation's messages in order, an answer by its
 * message id); creating an index that exists changes nothing. The local store accepts them but still scans (it serves
 * only unique indexes from an index), which is why the request path avoids such queries where it can.
 */
@Component
class ChatIndexes {

    private final MongoTemplate mongo;

    ChatIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        mongo.indexOps(ConversationDocument.class).createIndex(new Index()
                .on(ConversationDocument.USER_ID, Sort.Direction.ASC).on(ConversationDocument.DELETED, Sort.Direction.ASC)
                .on(ConversationDocument.CREATED_AT, Sort.Direction.DESC).named("owner_recent"));
        mongo.indexOps(MessageDocument.class).createIndex(new Index()
                .on(MessageDocument.CONVERSATION_ID, Sort.Direction.ASC).on(MessageDocument.CREATED_AT, Sort.Direction.ASC)
                .named("conversation_order"));
        mongo.indexOps(StreamRecord.class).createIndex(new Index()
                .on("conversationId", Sort.Direction.ASC).on("messageId", Sort.Direction.ASC).named("answer_message"));
    }
}
