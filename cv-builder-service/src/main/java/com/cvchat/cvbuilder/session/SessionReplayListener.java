package com.cvchat.cvbuilder.session;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies every {@code cv.*} event of {@code conversation.events} to the read model once more, from the log (group
 * {@code cv-projector}, from the earliest offset). Normally a no-op, because the request that published an event
 * applied it already; it repairs the read model when a process died between publishing and applying.
 */
@Component
class SessionReplayListener {

    private final SessionProjector projector;

    SessionReplayListener(SessionProjector projector) {
        this.projector = projector;
    }

    @KafkaListener(id = "cv-projector", topics = "conversation.events", groupId = "cv-projector",
            properties = "auto.offset.reset=earliest")
    @SuppressWarnings("unchecked")
    void onEvent(EventEnvelope<?> envelope) {
        if (envelope.payload() instanceof ConversationEvent) {
            projector.apply((EventEnvelope<? extends ConversationEvent>) envelope);
        }
    }
}
