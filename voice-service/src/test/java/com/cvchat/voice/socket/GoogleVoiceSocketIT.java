package com.cvchat.voice.socket;

import com.cvchat.events.conversation.VoiceTurnTranscribed;
import com.cvchat.voice.support.FakeGoogleSpeech;
import com.cvchat.platform.test.voice.VoiceClient;
import com.cvchat.voice.support.VoiceServiceIT;
import com.google.cloud.speech.v1.RecognitionConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The voice socket with the {@code google} provider: Google's own Speech client talks gRPC to a local
 * StreamingRecognize server. Also the idle timeout, set short here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voice.speech.provider=google",
        "voice.speech.google.plaintext=true",
        "voice.limits.idle-timeout=3s"})
@EmbeddedKafka(partitions = 2)
class GoogleVoiceSocketIT extends VoiceServiceIT {

    static final FakeGoogleSpeech GOOGLE = new FakeGoogleSpeech();

    @DynamicPropertySource
    static void google(DynamicPropertyRegistry registry) {
        registry.add("voice.speech.google.endpoint", GOOGLE::endpoint);
    }

    @Test
    void shouldSendInterimResultsAsPartialsAndTheFinalResultAsTheTranscript() {
        try (VoiceClient client = connect(UUID.randomUUID().toString(), "google")) {
            String conversationId = conversationOf(client);
            client.send("{\"type\":\"start_talking\",\"encoding\":\"WEBM_OPUS\",\"sample_rate_hz\":48000}");
            client.awaitMessage(VoiceClient.is("status", "message", "Listening... Speak now"), WAIT);
            FakeGoogleSpeech.words("what is the weather like today").forEach(client::audio);
            client.awaitMessage(VoiceClient.is("partial_transcript", "text", "what is the weather like today"), WAIT);
            client.sendType("stop_talking");

            assertThat(client.awaitType("final_transcript", WAIT).path("text").asString())
                    .isEqualTo("what is the weather like today");
            assertThat(client.ofType("partial_transcript")).extracting(m -> m.path("text").asString())
                    .containsExactly("what", "what is", "what is the", "what is the weather", "what is the weather like",
                            "what is the weather like today");
            assertThat(client.awaitMessage(m -> m.path("is_complete").asBoolean(), WAIT).path("text").asString())
                    .isEqualTo("You said: what is the weather like today. If you feel unwell, see a doctor.");
            RecognitionConfig config = GOOGLE.calls().getLast().config().getConfig();
            assertThat(config.getEncoding()).isEqualTo(RecognitionConfig.AudioEncoding.WEBM_OPUS);
            assertThat(config.getSampleRateHertz()).isEqualTo(48000);
            await().atMost(WAIT).until(() -> events.of(conversationId).stream()
                    .anyMatch(e -> e.payload() instanceof VoiceTurnTranscribed t && t.provider().equals("google")));
        }
    }

    @Test
    void shouldCloseAnIdleSocketButKeepOneWithHeartbeatsOpen() {
        try (VoiceClient idle = connect(UUID.randomUUID().toString(), "idle");
             VoiceClient beating = connect(UUID.randomUUID().toString(), "heartbeat")) {
            ScheduledExecutorService heart = Executors.newSingleThreadScheduledExecutor();
            try {
                heart.scheduleAtFixedRate(() -> beating.send("{\"type\":\"ping\",\"timestamp\":1}"), 0, 1, TimeUnit.SECONDS);
                await().atMost(WAIT).until(() -> idle.closeCode().isDone());
                assertThat(idle.closeCode().join()).isEqualTo(1000);
                assertThat(idle.ofType("error").getLast().path("message").asString())
                        .isEqualTo("Closing: no message for 3 s (send ping to keep the socket open)");
                await().atMost(WAIT).until(() -> beating.ofType("pong").size() >= 5);
                assertThat(beating.isOpen()).isTrue();
            } finally {
                heart.shutdownNow();
            }
        }
    }
}
