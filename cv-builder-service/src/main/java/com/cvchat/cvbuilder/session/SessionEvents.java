package com.cvchat.cvbuilder.session;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Records a session change: first on {@code conversation.events} (the record of truth), then in the read model. */
@Component
class SessionEvents {

    private final EventPublisher publisher;
    private final SessionProjector projector;

    SessionEvents(EventPublisher publisher, SessionProjector projector) {
        this.publisher = publisher;
        this.projector = projector;
    }

    void record(String sessionId, String userId, String correlationId, ConversationEvent event, Instant at) {
        EventEnvelope<ConversationEvent> envelope = EventEnvelope.of(sessionId, userId, correlationId, event, at);
        try {
            publisher.publishAndWait(Topics.CONVERSATION_EVENTS, envelope);
        } catch (EventPublisher.EventPublishException e) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The change could not be saved right now. Please try again.");
        }
        projector.apply(envelope);
    }
}
