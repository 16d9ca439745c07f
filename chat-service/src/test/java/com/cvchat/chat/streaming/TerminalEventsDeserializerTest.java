package com.cvchat.chat.streaming;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.json.EventSerializer;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.TokenUsage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TerminalEventsDeserializerTest {

    private final EventSerializer serializer = new EventSerializer();
    private final TerminalEventsDeserializer deserializer = new TerminalEventsDeserializer();

    @Test
    void shouldSkipChunksWithoutParsingAndKeepTerminalEvents() {
        RecordHeaders chunkHeaders = new RecordHeaders();
        byte[] chunk = serializer.serialize("llm.responses", chunkHeaders,
                EventEnvelope.of("c1", "u1", "r1", new LlmChunk("r1", "chat", 0, "Hello")));
        RecordHeaders doneHeaders = new RecordHeaders();
        byte[] done = serializer.serialize("llm.responses", doneHeaders, EventEnvelope.of("c1", "u1", "r1",
                new LlmCompleted("r1", "chat", "Hello", 1, TokenUsage.NONE, null, "offline")));

        assertThat(deserializer.deserialize("llm.responses", chunkHeaders, chunk)).isNull();
        EventEnvelope<EventPayload> completed = deserializer.deserialize("llm.responses", doneHeaders, done);
        assertThat(completed.payload()).isInstanceOf(LlmCompleted.class);
        assertThat(((LlmCompleted) completed.payload()).text()).isEqualTo("Hello");
        // a chunk without headers (a stock producer) is still read, never lost
        assertThat(deserializer.deserialize("llm.responses", new RecordHeaders(), chunk).payload())
                .isInstanceOf(LlmChunk.class);
    }
}
