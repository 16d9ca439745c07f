package com.cvchat.cvbuilder.document;

import com.cvchat.cvbuilder.document.template.TemplateCatalog;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.DocumentDeleted;
import com.cvchat.events.conversation.DocumentUpdated;
import com.cvchat.events.conversation.DocumentVersionCreated;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.observability.RequestIds;
import com.cvchat.platform.web.ApiException;
import org.slf4j.MDC;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

/**
 * Every change to documents: builds the {@code document.*} event, publishes it to {@code conversation.events} and
 * waits for the broker, then applies it through {@link DocumentProjector}. Versions are never rewritten: finalize,
 * restore and import each add one.
 */
@Service
public class DocumentCommands implements DocumentFinalizer {

    static final int MAX_TITLE_LENGTH = 200;

    private final EventPublisher publisher;
    private final DocumentProjector projector;
    private final DocumentQueries queries;
    private final KeyedLocks locks = new KeyedLocks();

    public DocumentCommands(EventPublisher publisher, DocumentProjector projector, DocumentQueries queries) {
        this.publisher = publisher;
        this.projector = projector;
        this.queries = queries;
    }

    /**
     * The first finalize of a session creates the document (version 1, title {@code "My <doc_type>"} and template
     * {@code default} unless given); each later one adds a version and keeps the title and template unless given.
     */
    @Override
    public FinalizedDocument finalizeSession(String userId, String sessionId, String docType, String title,
                                             String templateCode, JsonNode data) {
        String newTitle = isBlank(title) ? null : checkedTitle(title);
        String newTemplate = isBlank(templateCode) ? null : TemplateCatalog.resolve(templateCode);
        return locks.withLock("session:" + sessionId, () -> queries.bySession(userId, sessionId)
                .map(existing -> locks.withLock(existing.id(), () -> {
                    DocumentRecord current = queries.owned(userId, existing.id());
                    return addVersion(userId, current, orElse(newTitle, current.title()),
                            orElse(newTemplate, current.templateCode()), data, "finalize", sessionId, null);
                }))
                .orElseGet(() -> create(userId, docType, orElse(newTitle, "My " + docType),
                        orElse(newTemplate, TemplateCatalog.DEFAULT), data, "finalize", sessionId)));
    }

    /** A new document from imported data (version 1). */
    public FinalizedDocument create(String userId, String docType, String title, String templateCode, JsonNode data,
                                    String source, String sessionId) {
        String id = UUID.randomUUID().toString();
        String checked = checkedTitle(title);
        publishAndApply(id, userId, new DocumentVersionCreated(id, 1, docType, checked, Slugs.of(checked, docType),
                TemplateCatalog.resolve(templateCode), data, source, sessionId, null));
        return queries.owned(userId, id).toView();
    }

    /** Adds a version whose data is version {@code version}'s; history is kept as it was. */
    public FinalizedDocument restore(String userId, String documentId, int version) {
        return locks.withLock(documentId, () -> {
            DocumentRecord current = queries.owned(userId, documentId);
            DocumentVersionRecord restored = queries.version(documentId, version);
            return addVersion(userId, current, current.title(), current.templateCode(),
                    DataJson.fromBson(restored.data()), "restore", null, version);
        });
    }

    /** Changes title and/or template (null = keep); data versions are untouched. */
    public FinalizedDocument update(String userId, String documentId, String title, String templateCode) {
        String newTitle = title == null ? null : checkedTitle(title);
        String newTemplate = templateCode == null ? null : TemplateCatalog.resolve(templateCode);
        return locks.withLock(documentId, () -> {
            DocumentRecord current = queries.owned(userId, documentId);
            String t = orElse(newTitle, current.title());
            publishAndApply(documentId, userId, new DocumentUpdated(documentId, t, Slugs.of(t, current.docType()),
                    orElse(newTemplate, current.templateCode())));
            return queries.owned(userId, documentId).toView();
        });
    }

    public void delete(String userId, String documentId) {
        locks.withLock(documentId, () -> {
            queries.owned(userId, documentId);
            publishAndApply(documentId, userId, new DocumentDeleted(documentId));
            return null;
        });
    }

    private FinalizedDocument addVersion(String userId, DocumentRecord current, String title, String templateCode,
                                         JsonNode data, String source, String sessionId, Integer restoredFrom) {
        int next = current.currentVersion() + 1;
        publishAndApply(current.id(), userId, new DocumentVersionCreated(current.id(), next, current.docType(), title,
                Slugs.of(title, current.docType()), templateCode, data, source, sessionId, restoredFrom));
        return queries.owned(userId, current.id()).toView();
    }

    private void publishAndApply(String documentId, String userId, ConversationEvent event) {
        EventEnvelope<ConversationEvent> envelope = EventEnvelope.of(documentId, userId, correlationId(), event);
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS, envelope);
        projector.apply(envelope);
    }

    private static String correlationId() {
        String requestId = MDC.get(RequestIds.MDC_KEY);
        return requestId != null ? requestId : UUID.randomUUID().toString();
    }

    private static String checkedTitle(String title) {
        String trimmed = title == null ? "" : title.strip();
        if (trimmed.isEmpty()) {
            throw ApiException.badRequest("title must not be empty");
        }
        if (trimmed.length() > MAX_TITLE_LENGTH) {
            throw ApiException.badRequest("title must be at most " + MAX_TITLE_LENGTH + " characters");
        }
        return trimmed;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String orElse(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
