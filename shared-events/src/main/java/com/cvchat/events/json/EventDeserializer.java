package com.cvchat.events.json;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Kafka deserializer for {@link EventEnvelope}. Throws {@link EventFormatException} for a poison record; wrap it in
 * an error-handling deserializer so such a record goes to the dead-letter topic instead of stopping the partition.
 */
public class EventDeserializer implements Deserializer<EventEnvelope<EventPayload>> {

    @Override
    public EventEnvelope<EventPayload> deserialize(String topic, byte[] data) {
        return data == null ? null : EventJson.fromBytes(data);
    }
}
