package com.cvchat.voice.speech.offline;

import com.cvchat.voice.speech.PartialTranscriptListener;
import com.cvchat.voice.speech.RecognitionStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One utterance. A live pocketsphinx process decodes the audio while it arrives (its result is the final transcript,
 * ready soon after the end of the audio); partial transcripts come from re-recognising the audio so far, at most one
 * run in flight, stopped when the utterance ends. If the live process fails, the final transcript is a run on the
 * whole recording.
 */
class OfflineRecognitionStream implements RecognitionStream {

    private static final Logger log = LoggerFactory.getLogger(OfflineRecognitionStream.class);

    private final Pocketsphinx pocketsphinx;
    private final ExecutorService workers;
    private final long partialEveryBytes;
    private final PartialTranscriptListener partials;
    private final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    private final ExecutorService feeder = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private Pocketsphinx.Run live;
    private RuntimeException liveFailure;
    private boolean started;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private volatile Process partialProcess;
    private long recognizedUpTo;
    private String lastPartial = "";
    private boolean closed;
    private volatile boolean finished;

    OfflineRecognitionStream(Pocketsphinx pocketsphinx, ExecutorService workers, long partialEveryBytes,
                             PartialTranscriptListener partials) {
        this.pocketsphinx = pocketsphinx;
        this.workers = workers;
        this.partialEveryBytes = partialEveryBytes;
        this.partials = partials;
    }

    /** The live process starts with the first audio, so a start_talking alone costs nothing. */
    private void startLive() {
        started = true;
        try {
            live = pocketsphinx.startLive();
        } catch (RuntimeException e) {
            liveFailure = e;
        }
    }

    @Override
    public synchronized void write(byte[] chunk) {
        if (closed) {
            return;
        }
        audio.writeBytes(chunk);
        if (!started) {
            startLive();
        }
        if (live != null) {
            feeder.execute(() -> feed(chunk));
        }
        if (inFlight.isDone() && audio.size() - recognizedUpTo >= partialEveryBytes) {
            byte[] soFar = audio.toByteArray();
            recognizedUpTo = soFar.length;
            inFlight = CompletableFuture.runAsync(() -> partial(soFar), workers);
        }
    }

    private void feed(byte[] chunk) {
        try {
            OutputStream stdin = live.process().getOutputStream();
            stdin.write(chunk);
            stdin.flush();
        } catch (IOException e) {
            log.debug("Live recognition stopped reading: {}", e.getMessage());
        }
    }

    private void partial(byte[] soFar) {
        if (finished) {
            return;
        }
        try {
            String text = pocketsphinx.recognize(soFar, process -> partialProcess = process);
            if (!finished && !text.isEmpty() && !text.equals(lastPartial)) {
                lastPartial = text;
                partials.onPartial(text);
            }
        } catch (RuntimeException e) {
            if (!finished) {
                log.warn("Partial recognition failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public synchronized CompletableFuture<String> finish() {
        closed = true;
        finished = true;
        stopPartial();
        byte[] all = audio.toByteArray();
        if (!started) {
            feeder.shutdown();
            return CompletableFuture.completedFuture("");
        }
        CompletableFuture<String> liveResult;
        if (live != null) {
            Pocketsphinx.Run run = live;
            feeder.execute(() -> {
                try (OutputStream stdin = run.process().getOutputStream()) {
                    stdin.flush();
                } catch (IOException e) {
                    log.debug("Closing the live input failed: {}", e.getMessage());
                }
            });
            // after the input is closed, on the same queue: the timeout counts from the end of the audio
            liveResult = CompletableFuture.supplyAsync(() -> pocketsphinx.result(run), feeder);
        } else {
            liveResult = CompletableFuture.failedFuture(liveFailure);
        }
        feeder.shutdown();
        return liveResult.exceptionallyAsync(error -> {
            log.warn("Live recognition failed ({}); recognising the whole recording", error.getMessage());
            return all.length == 0 ? "" : pocketsphinx.recognize(all, process -> { });
        }, workers);
    }

    @Override
    public synchronized void abort() {
        closed = true;
        finished = true;
        stopPartial();
        feeder.shutdownNow();
        if (live != null) {
            live.process().destroyForcibly();
        }
        audio.reset();
    }

    private void stopPartial() {
        Process process = partialProcess;
        if (process != null) {
            process.destroyForcibly();
        }
    }
}
