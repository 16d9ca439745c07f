package com.cvchat.events.json;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.TokenUsage;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnswersDeserializerTest {

    private final EventSerializer serializer = new EventSerializer();

    /** One record as the worker writes it: value and the headers the serializer adds. */
    private record Written(RecordHeaders headers, byte[] value) {
    }

    private Written written(EventPayload payload) {
        RecordHeaders headers = new RecordHeaders();
        byte[] value = serializer.serialize("llm.responses", headers, EventEnvelope.of("c1", "u1", "r1", payload));
        return new Written(headers, value);
    }

    private static EventPayload read(AnswersDeserializer deserializer, Written record) {
        EventEnvelope<EventPayload> envelope = deserializer.deserialize("llm.responses", record.headers(),
                record.value());
        return envelope == null ? null : envelope.payload();
    }

    @Test
    void shouldWriteTheAskingServiceAsTheOriginHeader() {
        Written chunk = written(new LlmChunk("r1", "voice", 0, "Hello"));

        assertThat(new String(chunk.headers().lastHeader(EventHeaders.ORIGIN).value(), StandardCharsets.UTF_8))
                .isEqualTo("voice");
    }

    @Test
    void shouldReadOwnChunksAndAnswersAndSkipOtherServicesUnparsed() {
        AnswersDeserializer chat = new AnswersDeserializer();
        chat.configure(Map.of(AnswersDeserializer.ORIGIN_CONFIG, "chat"), false);

        assertThat(read(chat, written(new LlmChunk("r1", "chat", 0, "Hello")))).isEqualTo(
                new LlmChunk("r1", "chat", 0, "Hello"));
        assertThat(read(chat, written(completed("chat")))).isInstanceOf(LlmCompleted.class);
        assertThat(read(chat, written(new LlmChunk("r2", "voice", 0, "Hi")))).isNull();
        assertThat(read(chat, written(completed("cv")))).isNull();
    }

    @Test
    void shouldSkipChunksForAConsumerOfOutcomesOnly() {
        AnswersDeserializer outcomes = new AnswersDeserializer();
        outcomes.configure(Map.of(AnswersDeserializer.ORIGIN_CONFIG, "chat", AnswersDeserializer.CHUNKS_CONFIG,
                "false"), false);

        assertThat(read(outcomes, written(new LlmChunk("r1", "chat", 0, "Hello")))).isNull();
        LlmCompleted completed = (LlmCompleted) read(outcomes, written(completed("chat")));
        assertThat(completed.text()).isEqualTo("Hello");
    }

    @Test
    void shouldParseARecordWithoutHeadersSoNothingIsLost() {
        Written chunk = written(new LlmChunk("r1", "voice", 0, "Hello"));

        EventEnvelope<EventPayload> envelope = new AnswersDeserializer("chat", false)
                .deserialize("llm.responses", new RecordHeaders(), chunk.value());

        assertThat(envelope.payload()).isEqualTo(new LlmChunk("r1", "voice", 0, "Hello"));
    }

    @Test
    void shouldRefuseAConfigurationWithoutOrigin() {
        assertThatThrownBy(() -> new AnswersDeserializer().configure(Map.of(), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(AnswersDeserializer.ORIGIN_CONFIG);
    }

    private static LlmCompleted completed(String origin) {
        return new LlmCompleted("r1", origin, "Hello", 1, TokenUsage.NONE, null, "offline");
    }
}
