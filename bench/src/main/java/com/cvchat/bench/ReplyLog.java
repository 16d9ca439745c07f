package com.cvchat.bench;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.platform.kafka.LogToEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The chunks the worker sent on {@code llm.responses.chat}, read back from the log after a run (so reading them costs
 * nothing while the run is measured): per answer, where each chunk ends in the answer (characters, what the SSE id of
 * the chunk says), its words and its send instant — the
 * envelope's {@code occurred_at}, which the worker stamps ({@code Instant.now()}, microseconds) when it sends the
 * chunk, after coalescing. Answers are keyed by the AI message id chat-service gives them, which is what the SSE
 * events carry.
 */
final class ReplyLog implements AutoCloseable {

    /** A chunk as sent: its words and when (epoch µs). */
    record Sent(int words, long epochMicros) {
    }

    private final KafkaConsumer<String, EventEnvelope<EventPayload>> consumer;
    private final List<TopicPartition> partitions;

    ReplyLog(String bootstrap) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false, ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000),
                new StringDeserializer(), new EventDeserializer());
        partitions = LogToEnd.partitionsOf(consumer, List.of(Topics.CHAT_REPLIES.name()));
    }

    /** Where the log ends now: give it to {@link #since} after the run. */
    Map<TopicPartition, Long> end() {
        return consumer.endOffsets(partitions);
    }

    /** Every chunk written since {@code marks}: message id → where the chunk ends (characters) → what was sent. */
    Map<String, TreeMap<Long, Sent>> since(Map<TopicPartition, Long> marks) {
        Map<String, TreeMap<Long, Sent>> answers = new HashMap<>();
        Map<String, Long> written = new HashMap<>(); // characters so far, per answer (a chunk follows them in the log)
        LogToEnd.read(consumer, partitions, marks, Duration.ofMinutes(1), record -> {
            if (record.value() != null && record.value().payload() instanceof LlmChunk chunk) {
                Instant sent = record.value().occurredAt();
                String messageId = messageId(chunk.requestId());
                long end = chunk.end(written.getOrDefault(messageId, 0L));
                written.put(messageId, end);
                answers.computeIfAbsent(messageId, id -> new TreeMap<>()).put(end,
                        new Sent(ChunkPathBench.words(chunk.text()), sent.getEpochSecond() * 1_000_000 + sent.getNano() / 1000));
            }
        });
        consumer.unsubscribe();
        return answers;
    }

    /** The AI message id chat-service derives from a request id (chat-service's {@code AiMessageIds}). */
    static String messageId(String requestId) {
        return UUID.nameUUIDFromBytes(("chat-ai-message:" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
