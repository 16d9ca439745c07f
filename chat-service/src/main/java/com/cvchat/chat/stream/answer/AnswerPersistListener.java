package com.cvchat.chat.stream.answer;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.llm.LlmResponseEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The shared consumer group ({@code chat-persister}) that stores every chat answer exactly once, from
 * {@code llm.outcomes}: the last event of each chat answer and title, published there by the worker because chat's
 * requests ask for it. It reads no chunk and no other service's answer. Storing an answer waits on the store and the
 * log a few times, so several consumers ({@code chat.stream.persister-consumers}, default 3) share the partitions:
 * hundreds of answers finishing together are stored in parallel (one conversation stays on one partition, so its
 * events are still applied in order).
 */
@Component
class AnswerPersistListener {

    private final AnswerPersister persister;

    AnswerPersistListener(AnswerPersister persister) {
        this.persister = persister;
    }

    @KafkaListener(id = "chat-persister", groupId = "chat-persister", topics = "llm.outcomes",
            concurrency = "${chat.stream.persister-consumers:3}", properties = "auto.offset.reset=earliest")
    void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof LlmResponseEvent event && ChatTurns.ORIGIN.equals(event.origin())) {
            persister.finish(envelope.correlationId(), event);
        }
    }
}
