package com.cvchat.events.conversation;

import com.cvchat.events.WireType;

/**
 * A voice utterance was transcribed on the voice socket (the resulting messages follow as {@link MessageAdded}
 * with channel {@code voice}).
 *
 * @param turnId     id of the utterance
 * @param transcript the final transcript
 * @param audioMillis length of the audio received
 * @param encoding   {@code LINEAR16}, {@code WEBM_OPUS} …
 * @param sampleRateHz sample rate of the audio
 * @param provider   speech provider ({@code google}, {@code offline})
 */
@WireType(name = "voice.turn-transcribed", version = 1)
public record VoiceTurnTranscribed(
        String turnId,
        String transcript,
        long audioMillis,
        String encoding,
        int sampleRateHz,
        String provider) implements ConversationEvent {
}
