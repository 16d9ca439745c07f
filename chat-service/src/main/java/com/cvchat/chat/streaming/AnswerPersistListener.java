package com.cvchat.chat.streaming;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.json.AnswersDeserializer;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.platform.kafka.PlatformKafkaAutoConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * The shared consumer group ({@code chat-persister}) that stores every chat answer exactly once. It needs only the
 * terminal events of chat's answers, so chunks and other services' answers are not even parsed
 * ({@link AnswersDeserializer}), and it fetches in batches (it is on no one's live path). Storing an answer waits on
 * the store and the log a few times, so several consumers ({@code chat.stream.persister-consumers}, default 3) share
 * the partitions: hundreds of answers finishing together are stored in parallel (one conversation stays on one
 * partition, so its events are still applied in order).
 */
@Component
class AnswerPersistListener {

    private final AnswerPersister persister;

    AnswerPersistListener(AnswerPersister persister) {
        this.persister = persister;
    }

    @KafkaListener(id = "chat-persister", groupId = "chat-persister", topics = "llm.responses",
            concurrency = "${chat.stream.persister-consumers:3}", properties = {"auto.offset.reset=earliest",
                    "spring.deserializer.value.delegate.class=com.cvchat.events.json.AnswersDeserializer",
                    AnswersDeserializer.ORIGIN_CONFIG + "=" + ResponseFanOut.ORIGIN,
                    AnswersDeserializer.CHUNKS_CONFIG + "=false",
                    PlatformKafkaAutoConfiguration.FILTERED_FETCH_MIN_BYTES,
                    PlatformKafkaAutoConfiguration.FILTERED_FETCH_MAX_WAIT})
    void on(@Payload(required = false) EventEnvelope<EventPayload> envelope) {
        // chunks and other services' answers are left unparsed (AnswersDeserializer); they arrive as null
        if (envelope != null && envelope.payload() instanceof LlmResponseEvent event
                && ResponseFanOut.ORIGIN.equals(event.origin())) {
            persister.finish(event);
        }
    }
}
