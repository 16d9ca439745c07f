package com.cvchat.chat.streaming;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.json.AnswersDeserializer;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.platform.web.ApiException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Broadcast of {@code llm.responses} to every instance: each instance consumes with its own group
 * ({@code chat-stream-<instance id>}, from the end of the log) and forwards the chat answers it holds a client for
 * to {@link LiveStreams}. Kafka keeps one conversation's events in order on one partition, and a partition has one
 * consumer of the group at a time ({@code chat.stream.fan-out-consumers}, default 3, share the partitions), so each
 * instance sees every event in order; a record seen again after a rebalance is dropped by the writer (by sequence).
 */
@Component
public class ResponseFanOut implements ConsumerSeekAware {

    static final String ORIGIN = "chat";

    private final LiveStreams live;
    private final ResponseLog responseLog;
    private final Set<TopicPartition> everAssigned = ConcurrentHashMap.newKeySet();
    private final CountDownLatch assigned = new CountDownLatch(1);

    ResponseFanOut(LiveStreams live, ResponseLog responseLog) {
        this.live = live;
        this.responseLog = responseLog;
    }

    @KafkaListener(id = "chat-fan-out", groupId = "#{@chatInstance.fanOutGroup()}", topics = "llm.responses",
            concurrency = "${chat.stream.fan-out-consumers:3}", properties = {"auto.offset.reset=latest",
                    "spring.deserializer.value.delegate.class=com.cvchat.events.json.AnswersDeserializer",
                    AnswersDeserializer.ORIGIN_CONFIG + "=" + ORIGIN})
    void on(@Payload(required = false) EventEnvelope<EventPayload> envelope) {
        // other services' answers are left unparsed (AnswersDeserializer); they arrive as null
        if (envelope != null && envelope.payload() instanceof LlmResponseEvent event && ORIGIN.equals(event.origin())) {
            live.deliver(event);
        }
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        // the positions in the map are resolved (and committed for this new group): from here on no response event of
        // these partitions can be skipped, even when a later rebalance moves them to another consumer of the group
        everAssigned.addAll(assignments.keySet());
        if (everAssigned.size() >= responseLog.partitionCount()) {
            assigned.countDown();
        }
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
