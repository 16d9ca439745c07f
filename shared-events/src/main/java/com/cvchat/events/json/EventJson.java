package com.cvchat.events.json;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.EventTypes;
import com.cvchat.events.conversation.ErasedEvent;
import com.cvchat.events.sealing.DataKeys;
import com.cvchat.events.sealing.PayloadSealer;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON wire format of every event: a flat envelope in snake_case whose {@code payload} is typed by {@code type}.
 * Null fields are left out. Unknown fields are ignored (producers evolve by adding fields); an unknown type is an error.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private EventJson() {
    }

    /** The mapper with the wire conventions, for callers that build payload fields (e.g. {@code JsonNode} data). */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] toBytes(EventEnvelope<?> envelope) {
        return MAPPER.writeValueAsBytes(envelope);
    }

    /**
     * The wire bytes, with the payload of a {@code conversation.events} event of a known user sealed with that user's
     * data key ({@link SealedPayloads}); everything else (and everything when {@code keys} is null) as {@link #toBytes}.
     */
    public static byte[] toBytes(EventEnvelope<?> envelope, DataKeys keys) {
        if (keys == null || !SealedPayloads.applies(envelope)) {
            return toBytes(envelope);
        }
        ObjectNode tree = MAPPER.valueToTree(envelope);
        tree.set("payload", SealedPayloads.seal(envelope, tree.get("payload"), keys));
        return MAPPER.writeValueAsBytes(tree);
    }

    public static String toJson(EventEnvelope<?> envelope) {
        return new String(toBytes(envelope), StandardCharsets.UTF_8);
    }

    public static EventEnvelope<EventPayload> fromJson(String json) {
        return fromBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    public static EventEnvelope<EventPayload> fromBytes(byte[] bytes) {
        return fromBytes(bytes, null);
    }

    /**
     * Decodes an event, opening a sealed payload with {@code keys}: a payload whose data key was destroyed decodes as
     * {@link ErasedEvent}. A sealed payload without {@code keys} is a format error.
     */
    public static EventEnvelope<EventPayload> fromBytes(byte[] bytes, DataKeys keys) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new EventFormatException("Event is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (!(root instanceof ObjectNode object)) {
            throw new EventFormatException("Event is not a JSON object");
        }
        String type = text(object, "type");
        Class<? extends EventPayload> payloadType = EventTypes.byName(type)
                .orElseThrow(() -> new EventFormatException("Unknown event type '" + type + "'"));
        JsonNode payloadNode = object.get("payload");
        if (payloadNode == null || !payloadNode.isObject()) {
            throw new EventFormatException("Event of type '" + type + "' has no payload object");
        }
        try {
            EventPayload payload;
            if (SealedPayloads.isSealed(payloadNode)) {
                String userId = text(object, "user_id");
                payloadNode = SealedPayloads.open(payloadNode, text(object, "event_id"), userId, type, keys);
                payload = payloadNode == null ? ErasedEvent.INSTANCE : MAPPER.treeToValue(payloadNode, payloadType);
            } else {
                payload = MAPPER.treeToValue(payloadNode, payloadType);
            }
            return new EventEnvelope<>(
                    UUID.fromString(text(object, "event_id")),
                    type,
                    object.path("schema_version").asInt(1),
                    Instant.parse(text(object, "occurred_at")),
                    text(object, "conversation_id"),
                    object.path("user_id").isNull() ? null : object.path("user_id").asString(null),
                    object.path("correlation_id").isNull() ? null : object.path("correlation_id").asString(null),
                    payload);
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException
                 | PayloadSealer.SealingException e) {
            throw new EventFormatException("Malformed event of type '" + type + "': " + e.getMessage(), e);
        }
    }

    private static String text(ObjectNode object, String field) {
        JsonNode node = object.get(field);
        if (node == null || !node.isString()) {
            throw new EventFormatException("Event field '" + field + "' is missing or not a string");
        }
        return node.asString();
    }
}
