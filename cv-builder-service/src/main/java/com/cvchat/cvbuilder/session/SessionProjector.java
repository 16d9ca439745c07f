package com.cvchat.cvbuilder.session;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.CvDataUpdated;
import com.cvchat.events.conversation.CvMessageAdded;
import com.cvchat.events.conversation.CvSessionFinalized;
import com.cvchat.events.conversation.CvSessionStarted;
import com.cvchat.platform.replay.ConversationEventApplier;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The only writer of the session read model: applies {@code cv.*} events of {@code conversation.events} to the
 * {@code cv_sessions} collection. Idempotent and order-safe (see {@link SessionState#apply}); concurrent appliers
 * are serialised by an optimistic revision check. Free of HTTP concerns, so the audit can replay the log through it.
 */
@Component
public class SessionProjector implements ConversationEventApplier {

    private static final int MAX_ATTEMPTS = 20;

    private final MongoTemplate mongo;

    public SessionProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** True for the {@code cv.*} session events. */
    static boolean acceptsEvent(ConversationEvent payload) {
        return payload instanceof CvSessionStarted || payload instanceof CvMessageAdded
                || payload instanceof CvDataUpdated || payload instanceof CvSessionFinalized;
    }

    @Override
    public boolean accepts(ConversationEvent payload) {
        return acceptsEvent(payload);
    }

    @Override
    public void apply(EventEnvelope<? extends ConversationEvent> envelope) {
        if (!SessionState.isSessionEvent(envelope)) {
            return;
        }
        MongoCollection<Document> sessions = mongo.getCollection(SessionDocuments.COLLECTION);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Document stored = sessions.find(Filters.eq("_id", envelope.conversationId())).first();
            SessionState current = stored == null
                    ? SessionState.empty(envelope.conversationId()) : SessionDocuments.fromDocument(stored);
            SessionState next = current.apply(envelope);
            if (next == current) {
                return;
            }
            if (write(sessions, stored == null, current, next.withRevision(current.revision() + 1))) {
                return;
            }
        }
        throw new IllegalStateException("Could not apply " + envelope.type() + " to session "
                + envelope.conversationId() + ": too many concurrent changes");
    }

    private static boolean write(MongoCollection<Document> sessions, boolean insert, SessionState current,
                                 SessionState next) {
        if (insert) {
            try {
                sessions.insertOne(SessionDocuments.toDocument(next));
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    return false;
                }
                throw e;
            }
        }
        return sessions.replaceOne(Filters.and(Filters.eq("_id", current.id()), Filters.eq("revision", current.revision())),
                SessionDocuments.toDocument(next)).getMatchedCount() == 1;
    }
}
