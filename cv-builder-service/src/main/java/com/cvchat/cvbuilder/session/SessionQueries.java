package com.cvchat.cvbuilder.session;

import com.cvchat.platform.web.ApiException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Reads of the session read model. A session is visible only to its owner and only while it is not expired: the
 * service enforces the expiry itself (with its {@link Clock}) because the embedded store never deletes by TTL.
 */
@Component
public class SessionQueries {

    static final String NOT_FOUND = "Chat session not found or expired";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final SessionProperties properties;

    SessionQueries(MongoTemplate mongo, Clock clock, SessionProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /** The user's live session {@code sessionId}; 404 when unknown, someone else's, or expired. */
    public SessionState require(String sessionId, String userId) {
        Document doc = mongo.getCollection(SessionDocuments.COLLECTION)
                .find(Filters.and(Filters.eq("_id", sessionId), Filters.eq("user_id", userId))).first();
        if (doc == null) {
            throw ApiException.notFound(NOT_FOUND);
        }
        SessionState state = SessionDocuments.fromDocument(doc);
        if (state.docType() == null || state.updatedAt() == null || !state.updatedAt().isAfter(expiredBefore())) {
            throw ApiException.notFound(NOT_FOUND);
        }
        return state;
    }

    /** The user's live sessions, most recently active first (without history; with the data, for the person's name). */
    public List<SessionState> list(String userId) {
        List<SessionState> sessions = new ArrayList<>();
        mongo.getCollection(SessionDocuments.COLLECTION)
                .find(Filters.and(Filters.eq("user_id", userId), Filters.gt("updated_at", Date.from(expiredBefore())),
                        Filters.ne("doc_type", null)))
                .projection(Projections.exclude("history", "applied_events"))
                .sort(Sorts.descending("updated_at"))
                .forEach(doc -> sessions.add(SessionDocuments.fromDocument(doc)));
        return sessions;
    }

    private Instant expiredBefore() {
        return clock.instant().minus(properties.ttl());
    }
}
