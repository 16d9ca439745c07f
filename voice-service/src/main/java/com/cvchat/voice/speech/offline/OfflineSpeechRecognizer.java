package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.PartialTranscriptListener;
import com.cvchat.voice.speech.RecognitionStream;
import com.cvchat.voice.speech.SpeechRecognizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * Offline recognition with pocketsphinx (US English, 16 kHz LINEAR16 only). With the library loaded, each utterance
 * is decoded as its audio arrives by a pooled in-process decoder ({@link StreamingRecognitionStream}); otherwise — said
 * once in the log — by {@code pocketsphinx_continuous} processes ({@link OfflineRecognitionStream}).
 */
public class OfflineSpeechRecognizer implements SpeechRecognizer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OfflineSpeechRecognizer.class);

    private final Pocketsphinx pocketsphinx;
    private final ExecutorService workers;
    private final long partialEveryBytes;
    private final long partialGapBytes;
    private final DecoderPool decoders;

    public OfflineSpeechRecognizer(OfflineSpeechProperties properties, ExecutorService workers) {
        this.pocketsphinx = new Pocketsphinx(properties);
        this.workers = workers;
        this.partialEveryBytes = bytesOf(properties.partialEvery().toMillis());
        this.partialGapBytes = bytesOf(properties.partialInterval().toMillis());
        this.decoders = pool(properties);
    }

    private static DecoderPool pool(OfflineSpeechProperties properties) {
        if (OfflineSpeechProperties.NO_LIBRARY.equals(properties.library())) {
            log.info("Offline speech: the pocketsphinx library is switched off; using {} processes",
                    properties.command());
            return null;
        }
        try {
            PocketsphinxLibrary library = PocketsphinxLibrary.load(properties.sphinxbase(), properties.library(),
                    properties.model());
            DecoderPool pool = new DecoderPool(library, properties.idleDecoders(), properties.maxDecoders(),
                    properties.secondPass() ? List.of() : List.of("-fwdflat", "no"));
            pool.warmUp().whenComplete((done, error) -> {
                if (error != null) {
                    log.error("Offline speech: the pocketsphinx decoder cannot be loaded: {}", error.getMessage());
                }
            });
            log.info("Offline speech: streaming decoding with {}", properties.library());
            return pool;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Offline speech: the pocketsphinx library cannot be used ({}); using {} processes instead "
                    + "(install libpocketsphinx3 for streaming partial transcripts)", e.getMessage(),
                    properties.command());
            return null;
        }
    }

    private static long bytesOf(long millis) {
        return millis * Pocketsphinx.SAMPLE_RATE * 2 / 1000;
    }

    /** Whether utterances are decoded by the library (true) or by processes (false). */
    public boolean streaming() {
        return decoders != null;
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
        return decoders != null
                ? new StreamingRecognitionStream(decoders, workers, partialGapBytes, partials)
                : new OfflineRecognitionStream(pocketsphinx, workers, partialEveryBytes, partials);
    }

    /** Completes when the first decoder is loaded (at once on the process path). */
    CompletableFuture<Void> ready() {
        return decoders == null ? CompletableFuture.completedFuture(null) : decoders.warmedUp();
    }

    /** Decoders allocated now (idle or in use); 0 on the process path. */
    int liveDecoders() {
        return decoders == null ? 0 : decoders.live();
    }

    /** Frees the idle decoders; decoders still in use are freed when their utterance ends. */
    @Override
    public void close() {
        if (decoders != null) {
            decoders.close();
        }
    }
}
