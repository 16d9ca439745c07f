package com.cvchat.voice.speech.offline;

import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.voice.speech.RecognitionStream;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Writes PCM into a recognition stream in 100 ms chunks at real time, as a talking client does. */
final class RealTimeAudio {

    private RealTimeAudio() {
    }

    /** Completes when the last chunk has been written. */
    static CompletableFuture<Void> stream(byte[] pcm, RecognitionStream stream) {
        List<byte[]> chunks = SpeechSamples.chunks100ms(pcm);
        Iterator<byte[]> next = chunks.iterator();
        CompletableFuture<Void> done = new CompletableFuture<>();
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            if (next.hasNext()) {
                stream.write(next.next());
            } else {
                done.complete(null);
            }
        }, 0, 100, TimeUnit.MILLISECONDS);
        return done.whenComplete((ignored, error) -> pacer.shutdownNow());
    }
}
