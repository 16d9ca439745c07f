package com.cvchat.llmworker.dispatch;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.platform.kafka.EventPublisher;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/** Publishes answer events to {@code llm.responses} with the request's key, user and correlation id. */
@Component
class ResponsePublisher {

    private final EventPublisher publisher;

    ResponsePublisher(EventPublisher publisher) {
        this.publisher = publisher;
    }

    /** Chunks go out asynchronously; the producer keeps them in order (same key, idempotent producer). */
    CompletableFuture<?> publish(EventEnvelope<?> request, LlmResponseEvent event) {
        return publisher.publish(Topics.LLM_RESPONSES, envelope(request, event));
    }

    /** Terminal events are waited for, so an acknowledged offset always means the outcome is on the log. */
    void publishAndWait(EventEnvelope<?> request, LlmResponseEvent event) {
        publisher.publishAndWait(Topics.LLM_RESPONSES, envelope(request, event));
    }

    private static EventEnvelope<LlmResponseEvent> envelope(EventEnvelope<?> request, LlmResponseEvent event) {
        return EventEnvelope.of(request.conversationId(), request.userId(), request.correlationId(), event);
    }
}
