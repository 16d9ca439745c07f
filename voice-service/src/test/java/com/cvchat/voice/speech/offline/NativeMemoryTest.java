package com.cvchat.voice.speech.offline;

import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.RecognitionStream;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Utterances decoded by the library leave no native memory behind: decoders are reused, and freed at the end. */
class NativeMemoryTest {

    private static final int UTTERANCES = 100;
    /** Rounds of {@link #UTTERANCES}, until one stays below the bound. */
    private static final int ROUNDS = 3;
    /** Far below one decoder (tens of MiB), far above the noise of the JVM's own allocations. */
    private static final long MAX_GROWTH_BYTES = 4L << 20;

    @Test
    void shouldNotGrowNativeMemoryOverAHundredUtterances() throws Exception {
        byte[] pcm = SpeechSamples.pcm("Hello there.");
        byte[] shortSpeech = Arrays.copyOfRange(pcm, 0, Math.min(pcm.length, 3200)); // 0.1 s: the cost is per utterance
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try (OfflineSpeechRecognizer recognizer = new OfflineSpeechRecognizer(OfflineSpeechProperties.defaults(),
                workers)) {
            assumeTrue(recognizer.streaming(), StreamingRecognitionTest.LIBRARY_NEEDED);
            for (int i = 0; i < 10; i++) {
                utterance(recognizer, shortSpeech, i);
            }
            // the heap is the whole process's: the JVM's own allocations (a compiler thread at work) can add megabytes
            // to one round once, while a leak adds to every round
            List<Long> growths = new ArrayList<>();
            while (growths.size() < ROUNDS && (growths.isEmpty() || growths.getLast() >= MAX_GROWTH_BYTES)) {
                long before = NativeHeap.inUseBytes();
                for (int i = 0; i < UTTERANCES; i++) {
                    utterance(recognizer, shortSpeech, i);
                }
                growths.add(NativeHeap.inUseBytes() - before);
            }
            assertThat(growths.getLast()).as("native heap growth in bytes over %d utterances, round by round: %s",
                    UTTERANCES, growths).isLessThan(MAX_GROWTH_BYTES);
            assertThat(recognizer.liveDecoders()).isEqualTo(1);
            recognizer.close();
            assertThat(recognizer.liveDecoders()).isZero();
        } finally {
            workers.shutdownNow();
        }
    }

    /** Every tenth utterance is dropped half-way (a barge-in, a closed socket) instead of finished. */
    private static void utterance(OfflineSpeechRecognizer recognizer, byte[] speech, int index) throws Exception {
        RecognitionStream stream = recognizer.start(AudioFormat.DEFAULT, text -> { });
        stream.write(speech);
        if (index % 10 == 9) {
            stream.abort();
            stream.finish().exceptionally(error -> "").get(10, TimeUnit.SECONDS);
        } else {
            stream.finish().get(10, TimeUnit.SECONDS);
        }
    }
}
