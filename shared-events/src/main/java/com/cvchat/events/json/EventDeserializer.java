package com.cvchat.events.json;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.sealing.DataKeys;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for {@link EventEnvelope}. Throws {@link EventFormatException} for a poison record; wrap it in
 * an error-handling deserializer so such a record goes to the dead-letter topic instead of stopping the partition.
 */
public class EventDeserializer implements Deserializer<EventEnvelope<EventPayload>> {

    private final DataKeys keys;

    /** Without data keys: a sealed payload is a format error (the no-argument form Kafka instantiates from configuration). */
    public EventDeserializer() {
        this(null);
    }

    /** Opens sealed payloads with {@code keys}; one whose key was destroyed decodes as {@code ErasedEvent}. */
    public EventDeserializer(DataKeys keys) {
        this.keys = keys;
    }

    @Override
    public EventEnvelope<EventPayload> deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.fromBytes(data, keys);
    }
}
