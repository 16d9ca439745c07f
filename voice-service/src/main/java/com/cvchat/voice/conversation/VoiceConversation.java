package com.cvchat.voice.conversation;

import com.cvchat.events.llm.ChatTurn;

import java.util.List;

/**
 * The chat conversation a voice socket talks into.
 *
 * @param id        conversation id (chat-service's)
 * @param created   true when the socket created it (the client's id was not one of the user's conversations)
 * @param hasTitle  whether it already has a title (if not, the first utterance generates one)
 * @param history   earlier messages, oldest first, as model context
 */
public record VoiceConversation(String id, boolean created, boolean hasTitle, List<ChatTurn> history) {

    public VoiceConversation {
        history = List.copyOf(history);
    }
}
