package com.cvchat.voice.socket;

import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.PartialTranscriptListener;
import com.cvchat.voice.speech.RecognitionStream;
import com.cvchat.voice.speech.SpeechRecognizer;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The audio between {@code start_talking} and {@code stop_talking}: its format (as the client asked and the
 * recognizer accepts), the recognizer's stream it goes to, its byte budget ({@code voice.max-utterance}) and whether
 * speech has started in it. Used by one session under its lock.
 */
final class Utterance {

    private final String id = UUID.randomUUID().toString();
    private final AudioFormat format;
    private final RecognitionStream stream;
    private final long maxBytes;
    private final VoiceActivity activity;
    private final VoiceLimits limits;
    private long bytes;

    private Utterance(AudioFormat format, RecognitionStream stream, VoiceLimits limits) {
        this.format = format;
        this.stream = stream;
        this.limits = limits;
        this.maxBytes = format.isPcm() ? limits.maxUtterance().toMillis() * format.sampleRateHz() * 2 / 1000
                : limits.maxUtterance().toSeconds() * 32_000; // compressed: a generous byte budget (256 kbit/s)
        this.activity = new VoiceActivity(format);
    }

    /**
     * The format {@code start} asks for (LINEAR16 at the default rate when it names none); refused when the recognizer
     * cannot take it.
     */
    static AudioFormat format(ClientMessage.StartTalking start, SpeechRecognizer recognizer) {
        String encoding = start.encoding() == null ? AudioFormat.LINEAR16 : start.encoding().toUpperCase();
        int rate = start.sampleRateHz() == null ? AudioFormat.DEFAULT.sampleRateHz() : start.sampleRateHz();
        if (!recognizer.encodings().contains(encoding)) {
            throw new ClientMessage.BadMessage("Unsupported encoding \"" + start.encoding() + "\"; the "
                    + recognizer.name() + " recognizer accepts " + String.join(", ", recognizer.encodings()));
        }
        if (!recognizer.acceptsSampleRate(encoding, rate)) {
            throw new ClientMessage.BadMessage("Unsupported sample_rate_hz " + rate + " for " + encoding
                    + " on the " + recognizer.name() + " recognizer");
        }
        return new AudioFormat(encoding, rate);
    }

    /** Starts recognizing; {@code partials} get the interim transcripts. */
    static Utterance start(AudioFormat format, SpeechRecognizer recognizer, VoiceLimits limits,
                           PartialTranscriptListener partials) {
        return new Utterance(format, recognizer.start(format, partials), limits);
    }

    String id() {
        return id;
    }

    AudioFormat format() {
        return format;
    }

    /** How long the audio received so far lasts. */
    long millis() {
        return format.millisOf(bytes);
    }

    /** Adds audio; true when speech starts in it. Refused beyond the utterance's budget. */
    boolean append(byte[] audio) {
        if (bytes + audio.length > maxBytes) {
            throw new ClientMessage.BadMessage("Too much audio in one utterance (at most "
                    + limits.maxUtterance().toSeconds() + " s); send stop_talking");
        }
        bytes += audio.length;
        stream.write(audio);
        return activity.speechStarted(audio);
    }

    /** No more audio: the transcript. */
    CompletableFuture<String> finish() {
        return stream.finish();
    }

    void abort() {
        stream.abort();
    }
}
