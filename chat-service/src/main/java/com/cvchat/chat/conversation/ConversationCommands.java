package com.cvchat.chat.conversation;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationCreated;
import com.cvchat.events.conversation.ConversationDeleted;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.conversation.TitleSet;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.observability.RequestIds;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Every change of a chat conversation: the event goes to {@code conversation.events} first (acknowledged by the
 * broker), then the {@link ConversationProjector} applies it to the read model.
 */
@Component
public class ConversationCommands {

    private final EventPublisher publisher;
    private final ConversationProjector projector;

    public ConversationCommands(EventPublisher publisher, ConversationProjector projector) {
        this.publisher = publisher;
        this.projector = projector;
    }

    /** A new, untitled text conversation of {@code userId}; returns its id. */
    public String create(String userId) {
        String id = UUID.randomUUID().toString();
        record(id, userId, new ConversationCreated(null, "text"));
        return id;
    }

    public void rename(ConversationDocument conversation, String title) {
        record(conversation.id(), conversation.userId(), new TitleSet(title, false));
    }

    public void setGeneratedTitle(String conversationId, String userId, String title) {
        record(conversationId, userId, new TitleSet(title, true));
    }

    public void delete(ConversationDocument conversation) {
        record(conversation.id(), conversation.userId(), new ConversationDeleted("deleted by user"));
    }

    public void addMessage(String conversationId, String userId, MessageAdded message) {
        record(conversationId, userId, message);
    }

    private void record(String conversationId, String userId, ConversationEvent event) {
        EventEnvelope<ConversationEvent> envelope =
                EventEnvelope.of(conversationId, userId, MDC.get(RequestIds.MDC_KEY), event);
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS, envelope);
        projector.apply(envelope);
    }
}
