package com.cvchat.voice.speech.offline;

import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.RecognitionStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The library path: Debian's libpocketsphinx3 decoding flite speech as it arrives. */
class StreamingRecognitionTest {

    static final String THREE_SECONDS = "I live in London with my family and I would like a new job.";
    private static final String FINAL = "<final>";

    private static ExecutorService workers;
    private static byte[] speech;
    /** A started service's recognizer: its first decoder is loaded. */
    private static OfflineSpeechRecognizer started;

    @BeforeAll
    static void speech() throws Exception {
        speech = SpeechSamples.pcm(THREE_SECONDS);
        workers = Executors.newFixedThreadPool(2);
        started = new OfflineSpeechRecognizer(OfflineSpeechProperties.defaults(), workers);
        assumeTrue(started.streaming(), LIBRARY_NEEDED);
        started.ready().get(60, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() {
        if (started != null) {
            started.close();
        }
        workers.shutdownNow();
    }

    @Test
    void shouldSendPartialsWhileSpeechArrivesWithOneCoreBusy() throws Exception {
        Process busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
        try {
            assertThat(started.streaming()).isTrue();
            List<String> events = new CopyOnWriteArrayList<>();
            RecognitionStream stream = started.start(AudioFormat.DEFAULT, events::add);

            RealTimeAudio.stream(speech, stream).get(30, TimeUnit.SECONDS);
            List<String> whileTalking = List.copyOf(events);
            String transcript = stream.finish().get(30, TimeUnit.SECONDS);
            events.add(FINAL);

            assertThat(whileTalking).as("partials while the 3.4 s of speech arrived").hasSizeGreaterThanOrEqualTo(2)
                    .allSatisfy(text -> assertThat(text).isNotBlank())
                    .doesNotHaveDuplicates();
            assertThat(SpeechSamples.wordErrors(THREE_SECONDS, transcript)).as(transcript).isLessThanOrEqualTo(1);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                    .until(() -> events.getLast().equals(FINAL));
        } finally {
            busy.destroyForcibly();
        }
    }

    @Test
    void shouldGiveTheDecodersFinalHypothesisAsTheTranscript() throws Exception {
        // two decoders that have heard nothing before (a decoder adapts to the audio it has decoded)
        String transcript;
        try (OfflineSpeechRecognizer recognizer = new OfflineSpeechRecognizer(OfflineSpeechProperties.defaults(),
                workers)) {
            RecognitionStream stream = recognizer.start(AudioFormat.DEFAULT, text -> { });
            SpeechSamples.chunks100ms(speech).forEach(stream::write);
            transcript = stream.finish().get(30, TimeUnit.SECONDS);
        }
        String hypothesis;
        try (NativeDecoder decoder = new NativeDecoder(library(), List.of())) {
            decoder.start();
            SpeechSamples.chunks100ms(speech).forEach(decoder::process);
            hypothesis = decoder.end();
        }

        assertThat(transcript).isNotBlank().isEqualTo(hypothesis);
    }

    @Test
    void shouldGiveAnEmptyTranscriptForAnUtteranceWithoutAudio() throws Exception {
        assertThat(started.start(AudioFormat.DEFAULT, text -> { }).finish().get(10, TimeUnit.SECONDS)).isEmpty();
    }

    static final String LIBRARY_NEEDED = "libpocketsphinx3 and pocketsphinx-en-us are needed "
            + "(apt-get install pocketsphinx pocketsphinx-en-us)";

    /** The library, or the test is skipped (as tests without flite are). */
    static PocketsphinxLibrary library() {
        OfflineSpeechProperties defaults = OfflineSpeechProperties.defaults();
        try {
            return PocketsphinxLibrary.load(defaults.sphinxbase(), defaults.library(), defaults.model());
        } catch (IllegalStateException e) {
            assumeTrue(false, LIBRARY_NEEDED + ": " + e.getMessage());
            throw e;
        }
    }
}
