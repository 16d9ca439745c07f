package com.cvchat.voice.speech.offline;

import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.RecognitionStream;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Figures of the offline recognizer (not part of the suite; run it on purpose):
 * <pre>./mvnw -B -q test -pl voice-service -am -Dtest=OfflineSpeechBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * Prints the audio length, the time from {@code stop_talking} to the final transcript, the real-time factor, and how
 * many partial transcripts came while the audio was streamed at real time.
 */
class OfflineSpeechBenchmark {

    @Test
    void printRecognitionFigures() throws Exception {
        byte[] pcm = SpeechSamples.pcm(SpeechSamples.SARAH);
        List<byte[]> chunks = SpeechSamples.chunks100ms(pcm);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            OfflineSpeechRecognizer recognizer = new OfflineSpeechRecognizer(
                    OfflineSpeechProperties.defaults(), workers);
            List<String> partials = new java.util.concurrent.CopyOnWriteArrayList<>();
            RecognitionStream stream = recognizer.start(AudioFormat.DEFAULT, partials::add);
            var pacer = Executors.newSingleThreadScheduledExecutor();
            var iterator = chunks.iterator();
            var done = new java.util.concurrent.CompletableFuture<Void>();
            pacer.scheduleAtFixedRate(() -> {
                if (iterator.hasNext()) {
                    stream.write(iterator.next());
                } else {
                    done.complete(null);
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            done.join();
            pacer.shutdownNow();
            long start = System.nanoTime();
            String transcript = stream.finish().get(2, TimeUnit.MINUTES);
            Duration latency = Duration.ofNanos(System.nanoTime() - start);
            double audioSeconds = pcm.length / 32000.0;
            System.out.printf("offline recognition: audio %.2f s, stop->final %d ms, real-time factor %.2f, "
                            + "partials during real-time streaming %d, word errors %d%n  final: %s%n",
                    audioSeconds, latency.toMillis(), latency.toMillis() / 1000.0 / audioSeconds, partials.size(),
                    SpeechSamples.wordErrors(SpeechSamples.SARAH, transcript), transcript);
        } finally {
            workers.shutdownNow();
        }
    }
}
