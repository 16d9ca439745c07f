package com.cvchat.events.json;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.events.sealing.DataKeys;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/**
 * Kafka serializer: plain JSON value, event type / schema version / event id in headers (and, on model answers, the
 * {@code request-id}, so the asking instance routes them without parsing). Given {@link DataKeys}, the
 * payload of each conversation event is sealed with its user's data key (see {@link EventJson#toBytes(EventEnvelope, DataKeys)}).
 */
public class EventSerializer implements Serializer<EventEnvelope<?>> {

    private final DataKeys keys;

    /** Without sealing (the no-argument form Kafka instantiates from configuration). */
    public EventSerializer() {
        this(null);
    }

    public EventSerializer(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return envelope == null ? null : EventJson.toBytes(envelope, keys);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        headers.remove(EventHeaders.EVENT_TYPE).remove(EventHeaders.SCHEMA_VERSION).remove(EventHeaders.EVENT_ID)
                .remove(EventHeaders.REQUEST_ID);
        headers.add(EventHeaders.EVENT_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.SCHEMA_VERSION,
                Integer.toString(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        if (envelope.payload() instanceof LlmResponseEvent response && response.requestId() != null) {
            headers.add(EventHeaders.REQUEST_ID, response.requestId().getBytes(StandardCharsets.UTF_8));
        }
        return serialize(topic, envelope);
    }
}
