package com.cvchat.voice.speech.offline;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Decoders kept between utterances: loading the model takes far longer than an utterance's start, so an utterance
 * takes an idle decoder (or a new one) and gives it back when it ends. At most {@code maxIdle} are kept; the rest are
 * freed. {@link #close} frees the idle ones, and any given back later.
 */
final class DecoderPool implements AutoCloseable {

    private final PocketsphinxLibrary library;
    private final int maxIdle;
    private final List<String> options;
    private final Deque<NativeDecoder> idle = new ArrayDeque<>();
    private final Object creating = new Object();
    private int live;
    private boolean closed;

    DecoderPool(PocketsphinxLibrary library, int maxIdle, List<String> options) {
        this.library = library;
        this.maxIdle = maxIdle;
        this.options = List.copyOf(options);
    }

    NativeDecoder take() {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the decoder pool is closed");
            }
            NativeDecoder decoder = idle.pollFirst();
            if (decoder != null) {
                return decoder;
            }
        }
        NativeDecoder created;
        synchronized (creating) { // ps_init one at a time: it sets process-wide state of the library
            created = new NativeDecoder(library, options);
        }
        synchronized (this) {
            live++;
        }
        return created;
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
