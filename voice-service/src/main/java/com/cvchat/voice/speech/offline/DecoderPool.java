package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.SpeechRecognitionException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Decoders kept between utterances: loading the model takes far longer than an utterance's start, so an utterance
 * takes an idle decoder (or a new one) and gives it back when it ends. At most {@code maxIdle} are kept; the rest are
 * freed. At most {@code maxLive} exist at once (each holds tens of MB of native memory): beyond, {@link #take} fails.
 * {@link #close} frees the idle ones, and any given back later.
 */
final class DecoderPool implements AutoCloseable {

    private final PocketsphinxLibrary library;
    private final int maxIdle;
    private final int maxLive;
    private final List<String> options;
    private final Deque<NativeDecoder> idle = new ArrayDeque<>();
    private final Object creating = new Object();
    private int live;
    private boolean closed;
    private volatile CompletableFuture<Void> warming = CompletableFuture.completedFuture(null);

    DecoderPool(PocketsphinxLibrary library, int maxIdle, int maxLive, List<String> options) {
        this.library = library;
        this.maxIdle = Math.min(maxIdle, maxLive);
        this.maxLive = maxLive;
        this.options = List.copyOf(options);
    }

    /** Loads one decoder in the background (the service's start does not wait for the model). */
    CompletableFuture<Void> warmUp() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        warming = done;
        Thread.ofPlatform().daemon().name("pocketsphinx-warm-up").start(() -> {
            try {
                give(takeNow());
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    CompletableFuture<Void> warmedUp() {
        return warming;
    }

    /** An idle decoder, or a new one; waits for a decoder being loaded by {@link #warmUp} rather than load a second. */
    NativeDecoder take() {
        warming.exceptionally(error -> null).join();
        return takeNow();
    }

    private NativeDecoder takeNow() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the decoder pool is closed");
            }
            NativeDecoder decoder = idle.pollFirst();
            if (decoder != null) {
                return decoder;
            }
            if (live >= maxLive) {
                throw new SpeechRecognitionException("All " + maxLive + " speech decoders are in use");
            }
            live++;
        }
        try {
            synchronized (creating) { // ps_init one at a time: it sets process-wide state of the library
                return new NativeDecoder(library, options);
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                live--;
            }
            throw e;
        }
    }

    /** A decoder whose utterance has ended, ready for the next. */
    void give(NativeDecoder decoder) {
        synchronized (this) {
            if (!closed && idle.size() < maxIdle) {
                idle.addFirst(decoder);
                return;
            }
        }
        discard(decoder);
    }

    /** A decoder that is not reusable (its utterance failed or was not ended): freed. */
    void discard(NativeDecoder decoder) {
        decoder.close();
        synchronized (this) {
            live--;
        }
    }

    /** Decoders allocated now, idle or in use. */
    synchronized int live() {
        return live;
    }

    synchronized int idle() {
        return idle.size();
    }

    @Override
    public void close() {
        Deque<NativeDecoder> toFree;
        synchronized (this) {
            closed = true;
            toFree = new ArrayDeque<>(idle);
            idle.clear();
        }
        toFree.forEach(this::discard);
    }
}
