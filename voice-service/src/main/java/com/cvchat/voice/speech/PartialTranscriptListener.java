package com.cvchat.voice.speech;

/** Receives the provisional transcript of the audio so far (called from a provider thread). */
@FunctionalInterface
public interface PartialTranscriptListener {
    void onPartial(String text);
}
