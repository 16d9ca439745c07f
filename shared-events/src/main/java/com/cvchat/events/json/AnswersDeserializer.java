package com.cvchat.events.json;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.EventTypes;
import com.cvchat.events.llm.LlmChunk;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The deserializer of one service's consumers of {@code llm.responses}, where every service's answers pass: a record
 * whose {@code origin} header names another service comes out as null without being parsed, and so does a chunk
 * (its {@code event-type} header) for a consumer that needs only how an answer ended. At hundreds of streams chunks
 * are nearly every record, and parsing one only to drop it costs the CPU the streams need. A record without those
 * headers (a stock producer) is parsed as usual, so nothing is lost.
 *
 * <p>Configured through consumer properties ({@value #ORIGIN_CONFIG}, required; {@value #CHUNKS_CONFIG}, default
 * true), e.g. in a listener's {@code properties} with {@code spring.deserializer.value.delegate.class}. The listener
 * takes its payload with {@code @Payload(required = false)} and ignores the nulls. (Not a {@code RecordFilterStrategy}
 * bean: Spring Boot applies a unique one to every listener of the default container factory, tombstones included.)
 */
public class AnswersDeserializer extends EventDeserializer {

    /** The origin whose answers this consumer reads ({@code chat}, {@code cv}, {@code voice}). */
    public static final String ORIGIN_CONFIG = "cvchat.answers.origin";
    /** {@code false}: chunks are skipped as well, only terminal events come through. */
    public static final String CHUNKS_CONFIG = "cvchat.answers.chunks";

    private static final byte[] CHUNK = EventTypes.wireTypeOf(LlmChunk.class).name().getBytes(StandardCharsets.UTF_8);

    private byte[] origin;
    private boolean chunks = true;

    /** The form Kafka instantiates; {@link #configure} sets it up. */
    public AnswersDeserializer() {
    }

    public AnswersDeserializer(String origin, boolean chunks) {
        this.origin = origin.getBytes(StandardCharsets.UTF_8);
        this.chunks = chunks;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(ORIGIN_CONFIG);
        if (configured == null || configured.toString().isBlank()) {
            throw new IllegalStateException(ORIGIN_CONFIG + " must name the service whose answers are read");
        }
        origin = configured.toString().strip().getBytes(StandardCharsets.UTF_8);
        Object withChunks = configs.get(CHUNKS_CONFIG);
        chunks = withChunks == null || Boolean.parseBoolean(withChunks.toString().strip());
    }

    @Override
    public EventEnvelope<EventPayload> deserialize(String topic, Headers headers, byte[] data) {
        if (headers != null && (differs(headers, EventHeaders.ORIGIN, origin)
                || !chunks && matches(headers, EventHeaders.EVENT_TYPE, CHUNK))) {
            return null;
        }
        return deserialize(topic, data);
    }

    private static boolean differs(Headers headers, String name, byte[] expected) {
        Header header = headers.lastHeader(name);
        return expected != null && header != null && !Arrays.equals(header.value(), expected);
    }

    private static boolean matches(Headers headers, String name, byte[] expected) {
        Header header = headers.lastHeader(name);
        return header != null && Arrays.equals(header.value(), expected);
    }
}
