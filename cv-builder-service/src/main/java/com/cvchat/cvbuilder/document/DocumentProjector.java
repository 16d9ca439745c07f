package com.cvchat.cvbuilder.document;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.DocumentDeleted;
import com.cvchat.events.conversation.DocumentUpdated;
import com.cvchat.events.conversation.DocumentVersionCreated;
import com.cvchat.platform.replay.ConversationEventApplier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The only writer of the document read model ({@code documents}, {@code document_versions}): applies
 * {@code document.*} events. Idempotent and order-safe: applying an event twice changes nothing; versions are
 * immutable and keyed by number; the current version is the highest seen; title, slug and template come from the
 * newest event that set them; a deletion is a tombstone that later-arriving events cannot undo.
 * Free of HTTP concerns, so the audit replay can rebuild the read model from {@code conversation.events} alone.
 */
@Component
public class DocumentProjector implements ConversationEventApplier {

    private final MongoTemplate mongo;

    public DocumentProjector(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public boolean accepts(ConversationEvent payload) {
        return payload instanceof DocumentVersionCreated || payload instanceof DocumentUpdated
                || payload instanceof DocumentDeleted;
    }

    /** Applies a {@code document.*} event; any other conversation event is ignored. */
    @Override
    public void apply(EventEnvelope<? extends ConversationEvent> envelope) {
        switch (envelope.payload()) {
            case DocumentVersionCreated created -> versionCreated(envelope, created);
            case DocumentUpdated updated -> updated(envelope, updated);
            case DocumentDeleted deleted -> deleted(envelope, deleted);
            default -> {
                // not a document event
            }
        }
    }

    private void versionCreated(EventEnvelope<?> envelope, DocumentVersionCreated event) {
        if (isDeleted(event.documentId())) {
            return;
        }
        Instant at = envelope.occurredAt();
        mongo.upsert(byId(DocumentVersionRecord.idOf(event.documentId(), event.version())), new Update()
                        .setOnInsert("documentId", event.documentId())
                        .setOnInsert("version", event.version())
                        .setOnInsert("title", event.title())
                        .setOnInsert("templateCode", event.templateCode())
                        .setOnInsert("data", DataJson.toBson(event.data()))
                        .setOnInsert("source", event.source())
                        .setOnInsert("sessionId", event.sessionId())
                        .setOnInsert("restoredFrom", event.restoredFrom())
                        .setOnInsert("createdAt", at),
                DocumentVersionRecord.class);
        Update document = touch(envelope)
                .set("docType", event.docType())
                .max("currentVersion", event.version());
        if (event.sessionId() != null) {
            document.set("sessionId", event.sessionId());
        }
        mongo.upsert(byId(event.documentId()), document, DocumentRecord.class);
        setMetadataIfNewer(event.documentId(), at, event.title(), event.slug(), event.templateCode());
    }

    private void updated(EventEnvelope<?> envelope, DocumentUpdated event) {
        if (isDeleted(event.documentId())) {
            return;
        }
        mongo.upsert(byId(event.documentId()), touch(envelope), DocumentRecord.class);
        setMetadataIfNewer(event.documentId(), envelope.occurredAt(), event.title(), event.slug(), event.templateCode());
    }

    private void deleted(EventEnvelope<?> envelope, DocumentDeleted event) {
        mongo.upsert(byId(event.documentId()), touch(envelope).set("deleted", true), DocumentRecord.class);
        mongo.remove(Query.query(Criteria.where("documentId").is(event.documentId())), DocumentVersionRecord.class);
    }

    /** Creates the document row if missing; created-at is the oldest event seen, updated-at the newest. */
    private static Update touch(EventEnvelope<?> envelope) {
        return new Update()
                .setOnInsert("userId", envelope.userId())
                .min("createdAt", envelope.occurredAt())
                .max("updatedAt", envelope.occurredAt());
    }

    private void setMetadataIfNewer(String documentId, Instant at, String title, String slug, String templateCode) {
        Query olderMetadata = Query.query(Criteria.where("_id").is(documentId)
                .orOperator(Criteria.where("metadataAt").exists(false), Criteria.where("metadataAt").lte(at)));
        mongo.updateFirst(olderMetadata, new Update()
                .set("title", title)
                .set("slug", slug)
                .set("templateCode", templateCode)
                .set("metadataAt", at), DocumentRecord.class);
    }

    private boolean isDeleted(String documentId) {
        return mongo.exists(Query.query(Criteria.where("_id").is(documentId).and("deleted").is(true)),
                DocumentRecord.class);
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
