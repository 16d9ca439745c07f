package com.cvchat.cvbuilder.turn;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.json.AnswersDeserializer;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmResponseEvent;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The answers of the model requests this instance is waiting for. Every instance reads all of {@code llm.responses}
 * with its own consumer group (the worker may answer on any partition, and the instance that waits must see it);
 * an answer nobody here waits for is skipped.
 */
@Component
public class TurnResponses implements ConsumerSeekAware {

    static final String ORIGIN = "cv";
    private static final Duration REWIND = Duration.ofSeconds(30);

    private final Map<String, CompletableFuture<LlmResponseEvent>> waiting = new ConcurrentHashMap<>();
    private final Map<String, Consumer<String>> chunkListeners = new ConcurrentHashMap<>();
    private final CountDownLatch assigned = new CountDownLatch(1);

    /** Starts waiting for the final answer of {@code requestId}; its streamed pieces go to {@code onChunk}. */
    CompletableFuture<LlmResponseEvent> expect(String requestId, Consumer<String> onChunk) {
        chunkListeners.put(requestId, onChunk);
        return waiting.computeIfAbsent(requestId, id -> new CompletableFuture<>());
    }

    void forget(String requestId) {
        waiting.remove(requestId);
        chunkListeners.remove(requestId);
    }

    /** Waits (bounded) until this instance's consumer has its partitions, so no answer can be missed. */
    boolean awaitListening(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @KafkaListener(id = "cv-turn-responses", topics = "llm.responses",
            groupId = "cv-builder-turns-${cvbuilder.instance-id}",
            properties = {"spring.deserializer.value.delegate.class=com.cvchat.events.json.AnswersDeserializer",
                    AnswersDeserializer.ORIGIN_CONFIG + "=" + ORIGIN})
    void onResponse(@Payload(required = false) EventEnvelope<?> envelope) {
        // other services' answers are left unparsed (AnswersDeserializer); they arrive as null
        if (envelope == null || !(envelope.payload() instanceof LlmResponseEvent response)
                || !ORIGIN.equals(response.origin())) {
            return;
        }
        if (response instanceof LlmChunk chunk) {
            Consumer<String> listener = chunkListeners.get(chunk.requestId());
            if (listener != null) {
                listener.accept(chunk.text());
            }
            return;
        }
        chunkListeners.remove(response.requestId());
        CompletableFuture<LlmResponseEvent> future = waiting.remove(response.requestId());
        if (future != null) {
            future.complete(response);
        }
    }

    /**
     * Positions the new consumer explicitly (a little before now) instead of leaving "latest" to be resolved lazily,
     * which could skip an answer produced between the assignment and the first fetch. Older answers are skipped
     * above because nobody waits for them.
     */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        if (!assignments.isEmpty()) {
            callback.seekToTimestamp(assignments.keySet(), System.currentTimeMillis() - REWIND.toMillis());
            assigned.countDown();
        }
    }
}
