package com.cvchat.chat.stream.storage;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** The {@code streams} collection: bookkeeping of AI answers, shared by every instance. */
@Component
public class StreamRecords {

    private final MongoTemplate mongo;

    public StreamRecords(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public void save(StreamRecord record) {
        mongo.insert(record);
    }

    public Optional<StreamRecord> byRequestId(String requestId) {
        return Optional.ofNullable(mongo.findById(requestId, StreamRecord.class));
    }

    public Optional<StreamRecord> byMessageId(String conversationId, String messageId) {
        return Optional.ofNullable(mongo.findOne(new Query(where("messageId").is(messageId)
                .and("conversationId").is(conversationId)), StreamRecord.class));
    }

    public void finish(String requestId, String status) {
        mongo.updateFirst(new Query(where("_id").is(requestId)), new Update().set("status", status), StreamRecord.class);
    }
}
