package com.cvchat.platform.replay;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.ErasedEvent;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;

/**
 * Applies {@code conversation.events} to a service's read models through all its {@link ConversationEventApplier}s,
 * from the log: one consumer group per service ({@code <application>-projector}, from the earliest offset). A request
 * that published an event has normally applied it already, so this is a no-op then; it applies what other services
 * publish (voice turns into chat conversations) and repairs what a crash between publishing and applying lost.
 * Re-applying is harmless: appliers are idempotent and order-safe. Erased events (the user's key is gone) are skipped.
 */
public class ProjectionListener {

    private final List<ConversationEventApplier> appliers;

    public ProjectionListener(List<ConversationEventApplier> appliers) {
        this.appliers = List.copyOf(appliers);
    }

    @KafkaListener(id = "${spring.application.name}-projector", groupId = "${spring.application.name}-projector",
            topics = "conversation.events", properties = "auto.offset.reset=earliest")
    @SuppressWarnings("unchecked")
    public void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof ConversationEvent event && !(event instanceof ErasedEvent)) {
            EventEnvelope<ConversationEvent> conversationEvent = (EventEnvelope<ConversationEvent>) (EventEnvelope<?>) envelope;
            for (ConversationEventApplier applier : appliers) {
                if (applier.accepts(event)) {
                    applier.apply(conversationEvent);
                }
            }
        }
    }
}
