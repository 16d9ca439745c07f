package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.PartialTranscriptListener;
import com.cvchat.voice.speech.RecognitionStream;
import com.cvchat.voice.speech.SpeechRecognitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * One utterance decoded by the pocketsphinx library as its audio arrives: each chunk is decoded once, in order, on the
 * worker pool; after each, the decoder's own hypothesis becomes a partial transcript when it changed and at least
 * {@code partialGapBytes} of audio passed since the last one. {@link #finish} ends the utterance after the queued
 * audio: its final hypothesis is the transcript. No partial is sent once {@code finish} or {@link #abort} is called.
 */
final class StreamingRecognitionStream implements RecognitionStream {

    private static final Logger log = LoggerFactory.getLogger(StreamingRecognitionStream.class);

    private final DecoderPool pool;
    private final Executor workers;
    private final long partialGapBytes;
    private final PartialTranscriptListener partials;
    private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);
    private boolean closed;
    private volatile boolean ended;
    private volatile boolean aborted;
    // touched only by the tasks of the chain, one at a time
    private NativeDecoder decoder;
    private long decodedBytes;
    private long lastPartialAt = Long.MIN_VALUE / 2;
    private String lastPartial = "";

    StreamingRecognitionStream(DecoderPool pool, Executor workers, long partialGapBytes,
                               PartialTranscriptListener partials) {
        this.pool = pool;
        this.workers = workers;
        this.partialGapBytes = partialGapBytes;
        this.partials = partials;
    }

    @Override
    public synchronized void write(byte[] audio) {
        if (!closed) {
            tail = tail.thenRunAsync(() -> decode(audio), workers);
        }
    }

    private void decode(byte[] audio) {
        if (aborted) {
            return;
        }
        if (decoder == null) {
            decoder = pool.take();
            try {
                decoder.start();
            } catch (RuntimeException e) {
                pool.discard(decoder);
                decoder = null;
                throw e;
            }
        }
        decoder.process(audio);
        decodedBytes += audio.length;
        if (!ended && decodedBytes - lastPartialAt >= partialGapBytes) {
            String text = decoder.hypothesis();
            if (!text.isEmpty() && !text.equals(lastPartial) && !ended) {
                lastPartial = text;
                lastPartialAt = decodedBytes;
                partials.onPartial(text);
            }
        }
    }

    @Override
    public synchronized CompletableFuture<String> finish() {
        closed = true;
        ended = true;
        CompletableFuture<String> result = tail.handleAsync((done, error) -> end(error), workers);
        tail = result.handle((text, error) -> null);
        return result;
    }

    private String end(Throwable error) {
        if (error != null) {
            release(false);
            throw new SpeechRecognitionException("Speech recognition failed", error);
        }
        if (decoder == null) {
            return "";
        }
        try {
            String text = decoder.end();
            release(true);
            return text;
        } catch (RuntimeException e) {
            release(false);
            throw new SpeechRecognitionException("Speech recognition failed", e);
        }
    }

    @Override
    public synchronized void abort() {
        if (closed && aborted) {
            return;
        }
        closed = true;
        ended = true;
        aborted = true;
        tail = tail.handleAsync((done, error) -> {
            if (decoder != null) {
                try {
                    decoder.end();
                    release(error == null);
                } catch (RuntimeException e) {
                    log.debug("Ending an aborted utterance failed: {}", e.getMessage());
                    release(false);
                }
            }
            return null;
        }, workers);
    }

    private void release(boolean reusable) {
        NativeDecoder used = decoder;
        decoder = null;
        if (used == null) {
            return;
        }
        if (reusable) {
            pool.give(used);
        } else {
            pool.discard(used);
        }
    }
}
