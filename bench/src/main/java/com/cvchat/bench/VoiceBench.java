package com.cvchat.bench;

import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.platform.test.voice.VoiceClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * Item 6: on the voice WebSocket through the gateway, a spoken sentence streamed at real time (100 ms audio chunks),
 * then {@code stop_talking}; the delay from sending it to the {@code final_transcript} and to the first
 * {@code ai_response}. Offline speech recognition (voice-service's default); the answer comes from the benchmark's
 * scripted model. The client notices a message within a millisecond (it looks every 0.5 ms).
 */
final class VoiceBench {

    static final String SENTENCE = "Hello, what is the weather like today?";

    record Result(Percentiles finalTranscript, Percentiles firstAnswer, int failed) {
    }

    private VoiceBench() {
    }

    static Result run(String api, String bearer, int sessions) {
        String token = bearer.substring("Bearer ".length());
        List<byte[]> audio = SpeechSamples.chunks100ms(SpeechSamples.pcm(SENTENCE));
        List<Double> transcript = new ArrayList<>();
        List<Double> answer = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < sessions; i++) {
            try (VoiceClient client = VoiceClient.connect(api.replaceFirst("^http", "ws")
                    + "/chats/ws/voice/new-voice-chat?token=" + token)) {
                client.startTalking();
                client.awaitType("status", Duration.ofSeconds(30));
                client.stream(audio, Duration.ofMillis(100));
                long stop = System.nanoTime();
                client.sendType("stop_talking");
                double toTranscript = firstSeen(client, m -> "final_transcript".equals(m.path("type").asString()), stop);
                double toAnswer = firstSeen(client, m -> "ai_response".equals(m.path("type").asString()), stop);
                if (Double.isNaN(toTranscript) || Double.isNaN(toAnswer)) {
                    failed++;
                } else {
                    transcript.add(toTranscript);
                    answer.add(toAnswer);
                }
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return new Result(Percentiles.of(transcript), Percentiles.of(answer), failed);
    }

    /** Milliseconds from {@code since} until a message matching {@code which} is there; NaN after 30 s. */
    private static double firstSeen(VoiceClient client, Predicate<JsonNode> which, long since) {
        long deadline = since + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (client.received().stream().anyMatch(which)) {
                return (System.nanoTime() - since) / 1e6;
            }
            LockSupport.parkNanos(500_000);
        }
        return Double.NaN;
    }
}
