package com.cvchat.cvbuilder.document;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.DocumentDeleted;
import com.cvchat.events.conversation.DocumentUpdated;
import com.cvchat.events.conversation.DocumentVersionCreated;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies every {@code document.*} event of {@code conversation.events} (from the earliest, group
 * {@code documents-projector}) through {@link DocumentProjector}. The request that published an event has already
 * applied it; this catches up what a crash between publishing and applying would have lost. Re-applying is harmless:
 * the projector is idempotent and order-safe.
 */
@Component
class DocumentEventsListener {

    private final DocumentProjector projector;

    DocumentEventsListener(DocumentProjector projector) {
        this.projector = projector;
    }

    @KafkaListener(id = "documents-projector", groupId = "documents-projector", topics = "conversation.events",
            properties = "auto.offset.reset=earliest")
    @SuppressWarnings("unchecked")
    void on(EventEnvelope<EventPayload> envelope) {
        if (envelope.payload() instanceof DocumentVersionCreated || envelope.payload() instanceof DocumentUpdated
                || envelope.payload() instanceof DocumentDeleted) {
            projector.apply((EventEnvelope<? extends ConversationEvent>) (EventEnvelope<?>) envelope);
        }
    }
}
