package com.cvchat.chat.streaming;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.platform.web.ApiException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Broadcast of {@code llm.responses} to every instance: each instance consumes with its own group
 * ({@code chat-stream-<instance id>}, from the end of the log) and forwards the chat answers it holds a client for
 * to {@link LiveStreams}. Kafka keeps one conversation's events in order on one partition, and this group has a
 * single member, so each instance sees every event once and in order.
 */
@Component
public class ResponseFanOut implements ConsumerSeekAware {

    static final String ORIGIN = "chat";

    private final LiveStreams live;
    private final CountDownLatch assigned = new CountDownLatch(1);

    ResponseFanOut(LiveStreams live) {
        this.live = live;
    }

    @KafkaListener(id = "chat-fan-out", groupId = "#{@chatInstance.fanOutGroup()}", topics = "llm.responses",
            properties = "auto.offset.reset=latest")
    void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof LlmResponseEvent event && ORIGIN.equals(event.origin())) {
            live.deliver(event);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        // the positions in the map are resolved: from here on no response event can be skipped
        assigned.countDown();
    }

    /** Waits until this instance receives responses; a 503 if it does not within {@code timeout}. */
    public void awaitReady(Duration timeout) {
        try {
            if (!assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The chat service is starting. Please try again.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The chat service is stopping.");
        }
    }
}
