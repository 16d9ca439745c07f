package com.cvchat.events.conversation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a sealed {@code conversation.events} payload decodes to once its user's data key has been destroyed
 * (crypto-shredding, see {@code com.cvchat.events.sealing}). Never published: the envelope keeps the original type,
 * ids and time; the content is gone. Projectors skip it; an export shows it as {@code "payload": {"erased": true}}.
 */
public record ErasedEvent() implements ConversationEvent {

    public static final ErasedEvent INSTANCE = new ErasedEvent();

    @JsonProperty("erased")
    public boolean erased() {
        return true;
    }
}
