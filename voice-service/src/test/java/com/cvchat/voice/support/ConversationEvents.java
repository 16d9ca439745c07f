package com.cvchat.voice.support;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every event of {@code conversation.events}, as a consumer of the service's own Kafka setup reads it (payloads opened
 * with the users' keys).
 */
public class ConversationEvents {

    private final List<EventEnvelope<EventPayload>> events = new CopyOnWriteArrayList<>();

    @KafkaListener(topics = "conversation.events", groupId = "test-audit", properties = "auto.offset.reset=earliest")
    void onConversationEvent(EventEnvelope<EventPayload> envelope) {
        events.add(envelope);
    }

    public List<EventEnvelope<EventPayload>> of(String conversationId) {
        return events.stream().filter(e -> e.conversationId().equals(conversationId)).toList();
    }
}
