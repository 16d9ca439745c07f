package com.cvchat.platform.kafka;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topic;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes envelopes to typed topics, keyed by conversation id. */
public class EventPublisher {

    private static final Duration ACKNOWLEDGEMENT_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaTemplate<Object, Object> template;

    public EventPublisher(KafkaTemplate<Object, Object> template) {
        this.template = template;
    }

    public <P extends EventPayload> CompletableFuture<SendResult<Object, Object>> publish(
            Topic<? super P> topic, EventEnvelope<P> envelope) {
        if (!topic.carries(envelope.payload())) {
            throw new IllegalArgumentException(envelope.type() + " does not belong on " + topic.name());
        }
        return template.send(topic.name(), envelope.key(), envelope);
    }

    /** Publishes and waits for the broker's acknowledgement (for state changes that must be on the log). */
    public <P extends EventPayload> void publishAndWait(Topic<? super P> topic, EventEnvelope<P> envelope) {
        publishAllAndWait(topic, List.of(envelope));
    }

    /**
     * Publishes every envelope at once, then waits for each acknowledgement: one round trip to the broker for all of
     * them rather than one each. On a failure, the envelopes before the failed one are on the log.
     */
    public <P extends EventPayload> void publishAllAndWait(Topic<? super P> topic,
                                                           List<? extends EventEnvelope<? extends P>> envelopes) {
        List<CompletableFuture<SendResult<Object, Object>>> sent = envelopes.stream()
                .<CompletableFuture<SendResult<Object, Object>>>map(envelope -> publish(topic, envelope)).toList();
        long deadline = System.nanoTime() + ACKNOWLEDGEMENT_TIMEOUT.toNanos();
        for (int i = 0; i < sent.size(); i++) {
            String type = envelopes.get(i).type();
            try {
                sent.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublishException("Interrupted while publishing " + type, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new EventPublishException("Could not publish " + type + " to " + topic.name(), e);
            }
        }
    }

    public static class EventPublishException extends RuntimeException {
        public EventPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
