package com.cvchat.voice.answer;

import com.cvchat.events.llm.ChatTurn;
import com.cvchat.voice.speech.AudioFormat;

import java.util.List;

/**
 * A transcribed utterance, ready to become a user message and a request for the model.
 *
 * @param needsTitle true for the first message of a conversation without a title
 */
public record VoiceTurn(
        String turnId,
        String conversationId,
        String userId,
        String transcript,
        List<ChatTurn> history,
        long audioMillis,
        AudioFormat format,
        String provider,
        boolean needsTitle) {

    public VoiceTurn {
        history = List.copyOf(history);
    }
}
