package com.cvchat.events.json;

import com.cvchat.events.EventEnvelope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

import java.nio.charset.StandardCharsets;

/** Kafka serializer: plain JSON value, event type / schema version / event id in headers. */
public class EventSerializer implements Serializer<EventEnvelope<?>> {

    @Override
    public byte[] serialize(String topic, EventEnvelope<?> envelope) {
        return envelope == null ? null : EventJson.toBytes(envelope);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, EventEnvelope<?> envelope) {
        if (envelope == null) {
            return null;
        }
        headers.remove(EventHeaders.EVENT_TYPE).remove(EventHeaders.SCHEMA_VERSION).remove(EventHeaders.EVENT_ID);
        headers.add(EventHeaders.EVENT_TYPE, envelope.type().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.SCHEMA_VERSION,
                Integer.toString(envelope.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.EVENT_ID, envelope.eventId().toString().getBytes(StandardCharsets.UTF_8));
        return serialize(topic, envelope);
    }
}
