package com.cvchat.voice.speech.offline;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One pocketsphinx decoder and its native buffers. Not thread-safe: one utterance at a time uses it, from one thread at
 * a time. {@link #close} frees the decoder and the buffers.
 */
final class NativeDecoder implements AutoCloseable {

    /** Samples copied to native memory per {@code ps_process_raw} call (64 KiB). */
    private static final int BUFFER_SAMPLES = 32_768;

    private final PocketsphinxLibrary library;
    private final MemorySegment decoder;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment pcm;
    private final MemorySegment score;
    private boolean closed;

    NativeDecoder(PocketsphinxLibrary library, java.util.List<String> options) {
        this.library = library;
        this.decoder = library.newDecoder(options);
        this.pcm = arena.allocate(ValueLayout.JAVA_SHORT, BUFFER_SAMPLES);
        this.score = arena.allocate(ValueLayout.JAVA_INT); // ps_get_hyp's best score, unused
    }

    void start() {
        library.startUtterance(decoder);
    }

    /** Decodes 16-bit little-endian mono PCM (an odd trailing byte is ignored). */
    void process(byte[] audio) {
        int usable = audio.length & ~1;
        for (int offset = 0; offset < usable; offset += BUFFER_SAMPLES * 2) {
            int bytes = Math.min(BUFFER_SAMPLES * 2, usable - offset);
            MemorySegment.copy(MemorySegment.ofArray(audio), offset, pcm, 0, bytes);
            library.process(decoder, pcm, bytes / 2);
        }
    }

    /** The best hypothesis so far ("" when none). */
    String hypothesis() {
        return library.hypothesis(decoder, score);
    }

    /** Ends the utterance and returns the final hypothesis. */
    String end() {
        library.endUtterance(decoder);
        return hypothesis();
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            library.free(decoder);
            arena.close();
        }
    }
}
