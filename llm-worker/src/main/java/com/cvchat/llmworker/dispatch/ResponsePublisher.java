package com.cvchat.llmworker.dispatch;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topic;
import com.cvchat.events.Topics;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.events.llm.ReplyTo;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a request's answer where the request said ({@link ReplyTo}): to the asking instance's partition of its
 * service's reply topic, and the last event also to {@code llm.outcomes} when asked. Only the reply topics and
 * {@code llm.outcomes} are accepted as destinations. Sends carry no tracing observation (that would be one per
 * chunk), only the answer's trace headers computed once ({@link AnswerTracing}); the producer keeps one request's events in order (one partition, idempotent producer).
 */
@Component
class ResponsePublisher implements AutoCloseable {

    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<Object, Object> template;
    private final ScheduledThreadPoolExecutor flushTimer;
    private final WorkerProperties properties;

    ResponsePublisher(ProducerFactory<Object, Object> producers, WorkerProperties properties) {
        this.properties = properties;
        this.template = new KafkaTemplate<>(producers); // no observation: not one span per chunk
        this.flushTimer = new ScheduledThreadPoolExecutor(1, Thread.ofPlatform().name("chunk-flush").daemon().factory());
        this.flushTimer.setRemoveOnCancelPolicy(true);
    }

    /** The destination of {@code replyTo} if it is a reply topic (never another topic: a request cannot choose). */
    static Optional<Topic<LlmResponseEvent>> replyTopic(ReplyTo replyTo) {
        return replyTo == null || replyTo.partition() < 0 ? Optional.empty()
                : Topics.answerTopic(replyTo.topic()).filter(topic -> topic != Topics.LLM_OUTCOMES);
    }

    /** Whether the request's answer can be delivered: a known reply topic, and an outcome topic only if it is ours. */
    static boolean deliverable(ReplyTo replyTo) {
        return replyTopic(replyTo).isPresent()
                && (replyTo.outcomeTopic() == null || Topics.LLM_OUTCOMES.name().equals(replyTo.outcomeTopic()));
    }

    /** Joins an answer's pieces into chunks for {@code send} ({@code llm.worker.chunk-window}, {@code .chunk-max-bytes}). */
    ChunkCoalescer coalescer(java.util.function.Consumer<String> send) {
        return new ChunkCoalescer(properties.chunkWindow().toNanos(), properties.chunkMaxBytes(), flushTimer, send);
    }

    /** A chunk: sent asynchronously, with the answer's trace headers. */
    CompletableFuture<?> publish(EventEnvelope<?> request, ReplyTo replyTo, List<Header> trace, LlmResponseEvent event) {
        return send(replyTo.topic(), replyTo.partition(), trace, envelope(request, event));
    }

    /** The last event: waited for, so an acknowledged request offset always means the outcome is on the log. */
    void publishAndWait(EventEnvelope<?> request, ReplyTo replyTo, List<Header> trace, LlmResponseEvent event) {
        EventEnvelope<LlmResponseEvent> envelope = envelope(request, event);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        sent.add(send(replyTo.topic(), replyTo.partition(), trace, envelope));
        if (replyTo.outcomeTopic() != null) {
            sent.add(send(Topics.LLM_OUTCOMES.name(), null, trace, envelope));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                    .get(ACKNOWLEDGEMENT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while publishing " + envelope.type(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + envelope.type() + " to " + replyTo.topic(), e);
        }
    }

    private CompletableFuture<?> send(String topic, Integer partition, List<Header> trace,
                                      EventEnvelope<LlmResponseEvent> envelope) {
        return template.send(new ProducerRecord<>(topic, partition, envelope.key(), envelope, trace));
    }

    private static EventEnvelope<LlmResponseEvent> envelope(EventEnvelope<?> request, LlmResponseEvent event) {
        return EventEnvelope.of(request.conversationId(), request.userId(), request.correlationId(), event);
    }

    @Override
    public void close() {
        flushTimer.shutdownNow();
    }
}
