package com.cvchat.llmworker.dispatch;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmRequest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

/**
 * The consumer of {@code llm.requests} (group {@code llm-worker}; any number of instances share the partitions). It
 * only hands records over to the {@link GenerationDispatcher} and returns at once. A record that is not a valid
 * request or cancel (one whose reply address is not a partition of a reply topic, too) throws, so the platform error handler retries it a bounded number of times and then moves it to
 * {@code llm.requests.dlt}; the partition keeps flowing.
 */
@Component
class LlmRequestListener {

    private final GenerationDispatcher dispatcher;

    LlmRequestListener(GenerationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @KafkaListener(id = GenerationDispatcher.LISTENER_ID, groupId = "llm-worker", topics = "llm.requests",
            concurrency = "${llm.worker.consumers:1}",
            properties = {
                    "auto.offset.reset=earliest",
                    "enable.auto.commit=false",
                    "partition.assignment.strategy=org.apache.kafka.clients.consumer.CooperativeStickyAssignor"})
    void onRecord(ConsumerRecord<String, Object> record, Acknowledgment ack) {
        if (!(record.value() instanceof EventEnvelope<?> envelope)) {
            throw new InvalidRequestRecord("not an event envelope");
        }
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        switch (envelope.payload()) {
            case LlmRequest request when hasText(request.requestId()) && request.task() != null
                    && ResponsePublisher.deliverable(request.replyTo()) ->
                    dispatcher.request(envelope, request, partition, record.offset(), ack);
            case LlmCancel cancel when hasText(cancel.requestId()) ->
                    dispatcher.cancel(cancel.requestId(), partition, record.offset(), ack);
            default -> throw new InvalidRequestRecord("a " + envelope.type()
                    + " without request id, task or a reply address on a reply topic");
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    /** A record on {@code llm.requests} that can never be answered. */
    static class InvalidRequestRecord extends RuntimeException {
        InvalidRequestRecord(String message) {
            super("Invalid record on llm.requests: " + message);
        }
    }
}
