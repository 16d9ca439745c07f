package com.cvchat.cvbuilder.session;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.CvDataUpdated;
import com.cvchat.events.conversation.CvMessageAdded;
import com.cvchat.events.conversation.CvSessionFinalized;
import com.cvchat.events.conversation.CvSessionStarted;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The read model of one CV-builder session, built only from {@code cv.*} events. {@link #apply} is idempotent
 * (an event already applied changes nothing) and order-safe (the result does not depend on the order the events
 * arrive in): history is kept sorted by timestamp, the data is the snapshot of the latest data event, the created
 * time is the earliest and the updated time the latest event time, and a finalized session stays completed.
 *
 * @param data     the latest data snapshot, or null before the first data event
 * @param dataAt   when that snapshot was taken
 * @param revision optimistic-concurrency counter of the stored document
 */
public record SessionState(
        String id,
        String userId,
        String docType,
        String status,
        Instant createdAt,
        Instant updatedAt,
        JsonNode data,
        Instant dataAt,
        int progress,
        List<String> fieldsCollected,
        List<HistoryMessage> history,
        String documentId,
        int documentVersion,
        Set<String> appliedEvents,
        long revision) {

    public static final String ACTIVE = "active";
    public static final String COMPLETED = "completed";

    public SessionState {
        fieldsCollected = List.copyOf(fieldsCollected);
        history = List.copyOf(history);
        appliedEvents = Set.copyOf(appliedEvents);
    }

    static SessionState empty(String id) {
        return new SessionState(id, null, null, null, null, null, null, null, 0, List.of(), List.of(), null, 0,
                Set.of(), 0);
    }

    /** This state with {@code envelope} applied; the same instance when the event was applied before or is not a cv event. */
    SessionState apply(EventEnvelope<?> envelope) {
        String eventId = envelope.eventId().toString();
        if (appliedEvents.contains(eventId) || !isSessionEvent(envelope)) {
            return this;
        }
        Instant at = envelope.occurredAt();
        Set<String> applied = new LinkedHashSet<>(appliedEvents);
        applied.add(eventId);
        SessionState next = new SessionState(id, userId == null ? envelope.userId() : userId, docType, status,
                createdAt == null || at.isBefore(createdAt) ? at : createdAt,
                updatedAt == null || at.isAfter(updatedAt) ? at : updatedAt,
                data, dataAt, progress, fieldsCollected, history, documentId, documentVersion, applied, revision);
        return switch (envelope.payload()) {
            case CvSessionStarted started -> next.started(started);
            case CvMessageAdded message -> next.withMessage(new HistoryMessage(message.messageId(), message.role(),
                    message.text(), at));
            case CvDataUpdated updated -> next.withData(updated, at);
            case CvSessionFinalized finalized -> next.finalized(finalized);
            default -> this;
        };
    }

    static boolean isSessionEvent(EventEnvelope<?> envelope) {
        return envelope.payload() instanceof ConversationEvent event && SessionProjector.acceptsEvent(event);
    }

    SessionState withRevision(long newRevision) {
        return new SessionState(id, userId, docType, status, createdAt, updatedAt, data, dataAt, progress,
                fieldsCollected, history, documentId, documentVersion, appliedEvents, newRevision);
    }

    private SessionState started(CvSessionStarted started) {
        return new SessionState(id, userId, started.docType(), status == null ? ACTIVE : status, createdAt, updatedAt,
                data, dataAt, progress, fieldsCollected, history, documentId, documentVersion, appliedEvents, revision);
    }

    private SessionState withMessage(HistoryMessage message) {
        if (history.stream().anyMatch(m -> m.messageId().equals(message.messageId()))) {
            return this;
        }
        List<HistoryMessage> messages = new ArrayList<>(history);
        messages.add(message);
        messages.sort(Comparator.comparing(HistoryMessage::timestamp));
        return new SessionState(id, userId, docType, status, createdAt, updatedAt, data, dataAt, progress,
                fieldsCollected, messages, documentId, documentVersion, appliedEvents, revision);
    }

    private SessionState withData(CvDataUpdated updated, Instant at) {
        if (dataAt != null && !at.isAfter(dataAt)) {
            return this;
        }
        return new SessionState(id, userId, docType, status, createdAt, updatedAt, updated.data(), at,
                updated.progress(), updated.fieldsCollected(), history, documentId, documentVersion, appliedEvents,
                revision);
    }

    private SessionState finalized(CvSessionFinalized finalized) {
        boolean newer = finalized.version() >= documentVersion;
        return new SessionState(id, userId, docType, COMPLETED, createdAt, updatedAt, data, dataAt, progress,
                fieldsCollected, history, newer ? finalized.documentId() : documentId,
                Math.max(documentVersion, finalized.version()), appliedEvents, revision);
    }
}
