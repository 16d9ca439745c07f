package com.cvchat.cvbuilder.session;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/**
 * Indexes of {@code cv_sessions}: the user's list, and a TTL index on {@code updated_at} so a real MongoDB deletes
 * sessions 7 days after their last activity. (The embedded store accepts but does not enforce TTL; the service's
 * own expiry check covers it.)
 */
@Component
class SessionIndexes {

    private static final Logger log = LoggerFactory.getLogger(SessionIndexes.class);

    private final MongoTemplate mongo;
    private final SessionProperties properties;

    SessionIndexes(MongoTemplate mongo, SessionProperties properties) {
        this.mongo = mongo;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void create() {
        MongoCollection<Document> sessions = mongo.getCollection(SessionDocuments.COLLECTION);
        try {
            sessions.createIndex(Indexes.compoundIndex(Indexes.ascending("user_id"), Indexes.descending("updated_at")));
            sessions.createIndex(Indexes.ascending("updated_at"), new IndexOptions().name("session_ttl")
                    .expireAfter(properties.ttl().toSeconds(), TimeUnit.SECONDS));
        } catch (MongoException e) {
            log.warn("Could not create the session indexes: {}", e.getMessage());
        }
    }
}
