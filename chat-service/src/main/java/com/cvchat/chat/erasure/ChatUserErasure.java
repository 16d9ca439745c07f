package com.cvchat.chat.erasure;

import com.cvchat.chat.conversation.ConversationDocument;
import com.cvchat.chat.conversation.MessageDocument;
import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.platform.userkeys.UserErasedListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * chat-service's part of erasing a user: their conversations, messages and answer bookkeeping are deleted outright
 * (no tombstone: the log's events of that user decode as erased, so a replay produces nothing for them either).
 */
@Component
class ChatUserErasure implements UserErasedListener {

    private static final Logger log = LoggerFactory.getLogger(ChatUserErasure.class);

    private final MongoTemplate mongo;

    ChatUserErasure(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void onUserErased(String userId) {
        List<String> conversations = mongo.find(new Query(where(ConversationDocument.USER_ID).is(userId)),
                ConversationDocument.class).stream().map(ConversationDocument::id).toList();
        long messages = mongo.remove(new Query(where(MessageDocument.CONVERSATION_ID).in(conversations)),
                MessageDocument.class).getDeletedCount();
        mongo.remove(new Query(where("userId").is(userId)), StreamRecord.class);
        mongo.remove(new Query(where(ConversationDocument.USER_ID).is(userId)), ConversationDocument.class);
        if (!conversations.isEmpty()) {
            log.info("Erased user {}: {} conversation(s), {} message(s)", userId, conversations.size(), messages);
        }
    }
}
