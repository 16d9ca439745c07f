package com.cvchat.platform.replay;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;

/**
 * A projector of {@code conversation.events} into a service's read model. The same bean applies events live and
 * during a replay ({@code rebuild} / {@code verify}), so there is no second implementation. Implementations are
 * idempotent and order-safe, and derive every stored value from the event (never from the clock).
 */
public interface ConversationEventApplier {

    /** True for the event types this projector applies. */
    boolean accepts(ConversationEvent payload);

    void apply(EventEnvelope<? extends ConversationEvent> event);
}
