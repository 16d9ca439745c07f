package com.cvchat.chat.streaming;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.EventTypes;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.json.EventHeaders;
import com.cvchat.events.llm.LlmChunk;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The persister's deserializer: a chunk (known by its {@code event-type} header) is not parsed at all and comes out
 * as null, since only the terminal event of an answer is stored. At hundreds of streams the chunks are nearly every
 * record of {@code llm.responses}; parsing them only to drop them cost CPU the fan-out path needs.
 */
public class TerminalEventsDeserializer extends EventDeserializer {

    private static final byte[] CHUNK = EventTypes.wireTypeOf(LlmChunk.class).name().getBytes(StandardCharsets.UTF_8);

    @Override
    public EventEnvelope<EventPayload> deserialize(String topic, Headers headers, byte[] data) {
        Header type = headers == null ? null : headers.lastHeader(EventHeaders.EVENT_TYPE);
        if (type != null && Arrays.equals(type.value(), CHUNK)) {
            return null;
        }
        return deserialize(topic, data);
    }
}
