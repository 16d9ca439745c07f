package com.cvchat.platform.kafka;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topic;
import com.cvchat.platform.faults.HaltAfterPublish;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Publishes envelopes to typed topics, keyed by conversation id. */
public class EventPublisher {

    private final KafkaTemplate<Object, Object> template;
    private final HaltAfterPublish halt;

    public EventPublisher(KafkaTemplate<Object, Object> template) {
        this(template, HaltAfterPublish.off());
    }

    /** With the crash-test switch {@code platform.faults.halt-after-publish} (off unless set). */
    public EventPublisher(KafkaTemplate<Object, Object> template, HaltAfterPublish halt) {
        this.template = template;
        this.halt = halt;
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
        try {
            publish(topic, envelope).get(10, TimeUnit.SECONDS);
            halt.afterAcknowledged(envelope.type());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishException("Interrupted while publishing " + envelope.type(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublishException("Could not publish " + envelope.type() + " to " + topic.name(), e);
        }
    }

    public static class EventPublishException extends RuntimeException {
        public EventPublishException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
