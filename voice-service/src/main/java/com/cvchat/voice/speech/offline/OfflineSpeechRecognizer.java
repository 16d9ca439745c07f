package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.PartialTranscriptListener;
import com.cvchat.voice.speech.RecognitionStream;
import com.cvchat.voice.speech.SpeechRecognizer;

import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Offline recognition with pocketsphinx (US English, 16 kHz LINEAR16 only). Partial transcripts come from
 * re-recognising the audio so far each time {@code partial-every} of new audio has arrived, one run at a time per
 * utterance; the final transcript is a run on the whole utterance.
 */
public class OfflineSpeechRecognizer implements SpeechRecognizer {

    private final Pocketsphinx pocketsphinx;
    private final ExecutorService workers;
    private final long partialEveryBytes;

    public OfflineSpeechRecognizer(OfflineSpeechProperties properties, ExecutorService workers) {
        this.pocketsphinx = new Pocketsphinx(properties);
        this.workers = workers;
        this.partialEveryBytes = properties.partialEvery().toMillis() * Pocketsphinx.SAMPLE_RATE * 2 / 1000;
    }

    @Override
    public String name() {
        return "offline";
    }

    @Override
    public Set<String> encodings() {
        return Set.of(AudioFormat.LINEAR16);
    }

    @Override
    public boolean acceptsSampleRate(String encoding, int sampleRateHz) {
        return sampleRateHz == Pocketsphinx.SAMPLE_RATE;
    }

    @Override
    public RecognitionStream start(AudioFormat format, PartialTranscriptListener partials) {
        return new OfflineRecognitionStream(pocketsphinx, workers, partialEveryBytes, partials);
    }
}
