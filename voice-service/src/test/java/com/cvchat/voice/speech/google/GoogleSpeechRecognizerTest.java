package com.cvchat.voice.speech.google;

import com.cvchat.voice.speech.AudioFormat;
import com.cvchat.voice.speech.RecognitionStream;
import com.cvchat.voice.support.FakeGoogleSpeech;
import com.google.cloud.speech.v1.RecognitionConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Google's own Speech client against a local StreamingRecognize server speaking the v1 gRPC protocol. */
class GoogleSpeechRecognizerTest {

    private final FakeGoogleSpeech google = new FakeGoogleSpeech();
    private final MutableClock clock = new MutableClock();
    private final GoogleSpeechRecognizer recognizer = new GoogleSpeechRecognizer(
            new GoogleSpeechProperties(google.endpoint(), true, "en-US", null, Duration.ofSeconds(270)), clock);

    @AfterEach
    void stop() {
        recognizer.close();
        google.close();
    }

    @Test
    void shouldMapInterimResultsToPartialsAndTheFinalResultToTheTranscript() throws Exception {
        List<String> partials = new CopyOnWriteArrayList<>();
        RecognitionStream stream = recognizer.start(AudioFormat.DEFAULT, partials::add);
        FakeGoogleSpeech.words("hello world how").forEach(stream::write);
        await().atMost(Duration.ofSeconds(10)).until(() -> partials.size() == 3);

        String transcript = stream.finish().get(10, TimeUnit.SECONDS);

        assertThat(partials).containsExactly("hello", "hello world", "hello world how");
        assertThat(transcript).isEqualTo("hello world how");
        FakeGoogleSpeech.Call call = google.calls().getFirst();
        assertThat(call.config().getInterimResults()).isTrue();
        assertThat(call.config().getConfig().getEncoding()).isEqualTo(RecognitionConfig.AudioEncoding.LINEAR16);
        assertThat(call.config().getConfig().getSampleRateHertz()).isEqualTo(16000);
        assertThat(call.config().getConfig().getLanguageCode()).isEqualTo("en-US");
        assertThat(call.audio()).hasSize(3);
    }

    @Test
    void shouldRestartTheStreamBeforeGooglesFiveMinuteLimitAndKeepBothParts() throws Exception {
        RecognitionStream stream = recognizer.start(new AudioFormat(AudioFormat.WEBM_OPUS, 48000), text -> { });
        FakeGoogleSpeech.words("hello world").forEach(stream::write);
        clock.advance(Duration.ofSeconds(271));
        FakeGoogleSpeech.words("and goodbye").forEach(stream::write);

        String transcript = stream.finish().get(10, TimeUnit.SECONDS);

        assertThat(transcript).isEqualTo("hello world and goodbye");
        assertThat(google.calls()).hasSize(2).allSatisfy(call -> {
            assertThat(call.config().getConfig().getEncoding()).isEqualTo(RecognitionConfig.AudioEncoding.WEBM_OPUS);
            assertThat(call.config().getConfig().getSampleRateHertz()).isEqualTo(48000);
        });
        assertThat(google.calls()).extracting(call -> call.audio().size()).containsExactly(2, 2);
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
