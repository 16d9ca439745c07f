package com.cvchat.voice.speech;

import java.util.Set;

/** A speech-to-text provider: one streaming recognition per utterance. */
public interface SpeechRecognizer {

    /** {@code offline}, {@code google}: recorded with each transcribed turn. */
    String name();

    /** Encodings this provider understands. */
    Set<String> encodings();

    /** Sample rates this provider accepts for {@code encoding}, inclusive. */
    boolean acceptsSampleRate(String encoding, int sampleRateHz);

    /** Starts recognising an utterance; partial transcripts go to {@code partials} while audio arrives. */
    RecognitionStream start(AudioFormat format, PartialTranscriptListener partials);
}
