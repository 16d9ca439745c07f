package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.PartialTranscriptListener;
import com.cvchat.voice.speech.RecognitionStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/** The audio of one utterance, with at most one partial recognition in flight. */
class OfflineRecognitionStream implements RecognitionStream {

    private static final Logger log = LoggerFactory.getLogger(OfflineRecognitionStream.class);

    private final Pocketsphinx pocketsphinx;
    private final ExecutorService workers;
    private final long partialEveryBytes;
    private final PartialTranscriptListener partials;
    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private long recognizedUpTo;
    private String lastPartial = "";
    private boolean closed;
    private volatile boolean aborted;

    OfflineRecognitionStream(Pocketsphinx pocketsphinx, ExecutorService workers, long partialEveryBytes,
                             PartialTranscriptListener partials) {
        this.pocketsphinx = pocketsphinx;
        this.workers = workers;
        this.partialEveryBytes = partialEveryBytes;
        this.partials = partials;
    }

    @Override
    public synchronized void write(byte[] chunk) {
        if (closed) {
            return;
        }
        audio.writeBytes(chunk);
        if (inFlight.isDone() && audio.size() - recognizedUpTo >= partialEveryBytes) {
            byte[] soFar = audio.toByteArray();
            recognizedUpTo = soFar.length;
            inFlight = CompletableFuture.runAsync(() -> partial(soFar), workers);
        }
    }

    private void partial(byte[] soFar) {
        if (aborted) {
            return;
        }
        try {
            String text = pocketsphinx.recognize(soFar);
            if (!aborted && !text.isEmpty() && !text.equals(lastPartial)) {
                lastPartial = text;
                partials.onPartial(text);
            }
        } catch (RuntimeException e) {
            log.warn("Partial recognition failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized CompletableFuture<String> finish() {
        closed = true;
        byte[] all = audio.toByteArray();
        return inFlight.handle((ignored, error) -> null)
                .thenApplyAsync(ignored -> all.length == 0 ? "" : pocketsphinx.recognize(all), workers);
    }

    @Override
    public synchronized void abort() {
        closed = true;
        aborted = true;
        audio.reset();
    }
}
