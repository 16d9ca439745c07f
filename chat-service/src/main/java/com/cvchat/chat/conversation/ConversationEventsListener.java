package com.cvchat.chat.conversation;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.conversation.ConversationEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the {@code chat.*} events on {@code conversation.events} from any producer (voice-service publishes voice
 * turns) through the {@link ConversationProjector}. Events this service published itself were already applied;
 * applying them again changes nothing. One group for all instances, from the earliest offset, so a fresh database
 * is rebuilt from the log.
 */
@Component
class ConversationEventsListener {

    private final ConversationProjector projector;

    ConversationEventsListener(ConversationProjector projector) {
        this.projector = projector;
    }

    @KafkaListener(id = "chat-projector", groupId = "chat-projector", topics = "conversation.events",
            properties = "auto.offset.reset=earliest")
    @SuppressWarnings("unchecked")
    void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof ConversationEvent event && ConversationProjector.handles(event)) {
            projector.apply((EventEnvelope<? extends ConversationEvent>) (EventEnvelope<?>) envelope);
        }
    }
}
