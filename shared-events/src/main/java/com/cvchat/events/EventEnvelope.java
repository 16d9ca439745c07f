package com.cvchat.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every record on every topic carries.
 *
 * @param eventId        unique id of this event (consumers de-duplicate on it)
 * @param type           stable wire type name of the payload (see {@link WireType})
 * @param schemaVersion  schema version of the payload
 * @param occurredAt     when the change happened
 * @param conversationId id of the aggregate the event belongs to (chat conversation, CV session or document);
 *                       also the record key, so one aggregate's events stay in order on one partition
 * @param userId         who caused the event (UUID string of the user)
 * @param correlationId  request id / trace that links related events (request, chunks, completion)
 * @param payload        the typed body
 */
public record EventEnvelope<P extends EventPayload>(
        UUID eventId,
        String type,
        int schemaVersion,
        Instant occurredAt,
        String conversationId,
        String userId,
        String correlationId,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope for {@code payload}, stamped now with a fresh event id. */
    public static <P extends EventPayload> EventEnvelope<P> of(
            String conversationId, String userId, String correlationId, P payload) {
        return of(conversationId, userId, correlationId, payload, Instant.now());
    }

    public static <P extends EventPayload> EventEnvelope<P> of(
            String conversationId, String userId, String correlationId, P payload, Instant occurredAt) {
        WireType wire = EventTypes.wireTypeOf(payload.getClass());
        return new EventEnvelope<>(UUID.randomUUID(), wire.name(), wire.version(), occurredAt,
                conversationId, userId, correlationId, payload);
    }

    /** The record key: the conversation (aggregate) id. */
    public String key() {
        return conversationId;
    }
}
