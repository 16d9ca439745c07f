package com.cvchat.voice.socket;

import com.cvchat.events.EventPayload;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.conversation.TitleSet;
import com.cvchat.events.conversation.VoiceTurnTranscribed;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.platform.test.voice.VoiceClient;
import com.cvchat.voice.support.VoiceServiceIT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The voice socket of one voice-service on a real port, with the offline recognizer (pocketsphinx), a real KRaft
 * broker, a model worker answering on that broker and chat-service's HTTP API on a local socket.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "voice.speech.provider=offline",
        "voice.limits.max-utterance=10s",
        "voice.limits.max-chunk-bytes=16000"})
@EmbeddedKafka(partitions = 2)
class VoiceSocketIT extends VoiceServiceIT {

    static void speak(VoiceClient client, byte[] pcm) {
        client.startTalking();
        client.awaitMessage(VoiceClient.is("status", "message", "Listening... Speak now"), WAIT);
        client.stream(SpeechSamples.chunks100ms(pcm), Duration.ofMillis(100)); // at real time, as a microphone
        client.sendType("stop_talking");
    }

    @Test
    void shouldTranscribeSpeechAndStreamTheAnswerIntoANewConversation() {
        byte[] pcm = SpeechSamples.pcm(SpeechSamples.SARAH);
        String userId = UUID.randomUUID().toString();
        try (VoiceClient client = connect(userId, "my-first-voice-chat")) {
            String conversationId = conversationOf(client);
            assertThat(CHAT.ownerOf(conversationId)).as("created through chat-service for this user").isEqualTo(userId);

            speak(client, pcm);

            JsonNode finalTranscript = client.awaitType("final_transcript", WAIT);
            assertThat(SpeechSamples.wordErrors(SpeechSamples.SARAH, finalTranscript.path("text").asString()))
                    .as("word errors in \"%s\"", finalTranscript.path("text").asString()).isLessThanOrEqualTo(1);
            assertThat(client.ofType("partial_transcript")).as("partials while audio arrived").isNotEmpty();
            assertThat(client.received()).anyMatch(VoiceClient.is("status", "message", "Speech detected"));

            JsonNode complete = client.awaitMessage(m -> m.path("type").asString().equals("ai_response")
                    && m.path("is_complete").asBoolean(), WAIT);
            List<JsonNode> pieces = client.ofType("ai_response").stream()
                    .filter(m -> !m.path("is_complete").asBoolean()).toList();
            assertThat(pieces).hasSize(3);
            assertThat(complete.path("text").asString())
                    .isEqualTo(pieces.stream().map(p -> p.path("text").asString()).reduce("", String::concat))
                    .contains(finalTranscript.path("text").asString());
            assertThat(complete.path("disclaimer").path("primary_category").asString()).isEqualTo("medical");
            assertThat(complete.path("disclaimer").path("message").asString()).contains("not medical advice");
            assertThat(pieces).allSatisfy(piece -> assertThat(piece.has("disclaimer")).isFalse());
            assertThat(client.awaitType("title", WAIT).path("text").asString()).isEqualTo("Sarah Johnson, data scientist");

            await().atMost(WAIT).untilAsserted(() -> assertThat(payloads(conversationId))
                    .hasAtLeastOneElementOfType(TitleSet.class)
                    .anySatisfy(p -> assertThat(p).isInstanceOfSatisfying(MessageAdded.class, m -> {
                        assertThat(m.sender()).isEqualTo("ai");
                        assertThat(m.channel()).isEqualTo("voice");
                        assertThat(m.text()).isEqualTo(complete.path("text").asString());
                    })));
            List<EventPayload> events = payloads(conversationId);
            assertThat(events).filteredOn(MessageAdded.class::isInstance).map(MessageAdded.class::cast)
                    .extracting(MessageAdded::sender, MessageAdded::channel, MessageAdded::text,
                            MessageAdded::disclaimerCategory)
                    .containsExactly(
                            tuple("user", "voice", finalTranscript.path("text").asString(), null),
                            tuple("ai", "voice", complete.path("text").asString(), "medical"));
            assertThat(events).filteredOn(VoiceTurnTranscribed.class::isInstance).singleElement()
                    .isInstanceOfSatisfying(VoiceTurnTranscribed.class, t -> {
                        assertThat(t.provider()).isEqualTo("offline");
                        assertThat(t.encoding()).isEqualTo("LINEAR16");
                        assertThat(t.audioMillis()).isEqualTo(pcm.length / 32);
                    });
            assertThat(worker.requestsOf(conversationId)).map(e -> e.payload())
                    .filteredOn(LlmRequest.class::isInstance).map(LlmRequest.class::cast)
                    .extracting(LlmRequest::task, LlmRequest::origin)
                    .containsExactlyInAnyOrder(tuple(LlmTask.CHAT_REPLY, "voice"),
                            tuple(LlmTask.TITLE, "voice"));
        }
    }

    private List<EventPayload> payloads(String conversationId) {
        return events.of(conversationId).stream().map(e -> (EventPayload) e.payload()).toList();
    }

    @Test
    void shouldAnswerPingWithPongEchoingTheTimestamp() {
        try (VoiceClient client = connect(UUID.randomUUID().toString(), "ping")) {
            client.send("{\"type\":\"ping\",\"timestamp\":\"2026-11-21T10:00:00.123Z\"}");
            client.send("{\"type\":\"ping\",\"timestamp\":1732183200123}");
            client.awaitMessage(m -> m.path("timestamp").isNumber(), WAIT);
            assertThat(client.ofType("pong")).extracting(m -> m.path("timestamp").toString())
                    .containsExactly("\"2026-11-21T10:00:00.123Z\"", "1732183200123");
        }
    }

    @Test
    void shouldReportEveryBadInputWithAnErrorAndKeepTheSocketUsable() {
        try (VoiceClient client = connect(UUID.randomUUID().toString(), "bad-input")) {
            client.send("this is not json");
            client.send("{\"type\":\"dance\"}");
            client.send("[1,2]");
            client.audio(new byte[320]);
            client.sendType("stop_talking");
            client.startTalking();
            client.send("{\"type\":\"audio_chunk\",\"data\":\"%%% not base64 %%%\"}");
            client.audio(new byte[16_001]);
            client.send("{\"type\":\"start_talking\",\"encoding\":\"MP3\"}");
            client.send("{\"type\":\"start_talking\",\"sample_rate_hz\":44100}");
            for (int i = 0; i < 21; i++) {
                client.audio(new byte[16_000]); // 10 s of 16 kHz audio is 320000 bytes: the 21st chunk is too much
            }
            client.send("{\"type\":\"ping\",\"timestamp\":\"still-open\"}");

            client.awaitMessage(VoiceClient.is("pong", "timestamp", "still-open"), WAIT);
            assertThat(client.ofType("error")).extracting(m -> m.path("message").asString()).containsExactly(
                    "Messages must be JSON objects with a \"type\"",
                    "Unknown message type \"dance\" (expected start_talking, audio_chunk, stop_talking or ping)",
                    "Messages must be JSON objects with a \"type\"",
                    "Send start_talking before audio_chunk",
                    "Not listening: send start_talking first",
                    "audio_chunk \"data\" is not valid base64",
                    "Audio chunk too large: at most 16000 bytes of audio per chunk",
                    "Unsupported encoding \"MP3\"; the offline recognizer accepts LINEAR16",
                    "Unsupported sample_rate_hz 44100 for LINEAR16 on the offline recognizer",
                    "Too much audio in one utterance (at most 10 s); send stop_talking");
            assertThat(client.isOpen()).isTrue();
        }
    }

    @Test
    void shouldCloseAFloodingSocketWithPolicyViolation() {
        try (VoiceClient client = connect(UUID.randomUUID().toString(), "flood")) {
            for (int i = 0; i < 400 && client.isOpen(); i++) {
                client.send("{\"type\":\"ping\",\"timestamp\":" + i + "}");
            }
            await().atMost(WAIT).until(() -> client.closeCode().isDone());
            assertThat(client.closeCode().join()).isEqualTo(1008);
            assertThat(client.ofType("error")).extracting(m -> m.path("message").asString())
                    .contains("Too many messages; closing the socket");
        }
    }

    @Test
    void shouldRefuseTheUpgradeWithoutAValidToken() {
        String expired = TestInfrastructure.issuer().token(UUID.randomUUID().toString(), claims -> claims
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(3600))));
        String foreign = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
        for (String query : List.of("", "?token=", "?token=garbage", "?token=" + expired, "?token=" + foreign)) {
            assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://localhost:" + port + "/api/v1/chats/ws/voice/x" + query),
                            new java.net.http.WebSocket.Listener() { }).join())
                    .as(query)
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class, e -> {
                        assertThat(e.getResponse().statusCode()).isEqualTo(401);
                        assertThat(e.getResponse().body()).hasToString("{\"error\":\"Invalid or expired token\"}");
                    });
        }
    }

    @Test
    void shouldJoinTheUsersOwnConversationButNeverAnotherUsers() {
        String alice = UUID.randomUUID().toString();
        String bob = UUID.randomUUID().toString();
        String alicesConversation = CHAT.existingConversation(alice);
        try (VoiceClient own = connect(alice, alicesConversation);
             VoiceClient intruder = connect(bob, alicesConversation)) {
            assertThat(conversationOf(own)).isEqualTo(alicesConversation);
            String bobs = conversationOf(intruder);
            assertThat(bobs).isNotEqualTo(alicesConversation);
            assertThat(CHAT.ownerOf(bobs)).isEqualTo(bob);
        }
    }

    @Test
    void shouldCancelTheStreamingAnswerWhenTheUserStartsTalkingAgain() {
        byte[] pcm = SpeechSamples.pcm("Tell me a story about the sea.");
        model.hold = true;
        try (VoiceClient client = connect(UUID.randomUUID().toString(), "barge-in")) {
            String conversationId = conversationOf(client);
            speak(client, pcm);
            client.awaitType("ai_response", WAIT);
            client.startTalking();

            client.awaitMessage(VoiceClient.is("status", "message", "Answer interrupted"), WAIT);
            await().atMost(WAIT).until(() -> worker.requestsOf(conversationId).stream()
                    .anyMatch(e -> e.payload() instanceof LlmCancel));
            LlmRequest request = worker.requestsOf(conversationId).stream().map(e -> e.payload())
                    .filter(LlmRequest.class::isInstance).map(LlmRequest.class::cast)
                    .filter(r -> r.task() == LlmTask.CHAT_REPLY).findFirst().orElseThrow();
            LlmCancel cancel = worker.requestsOf(conversationId).stream().map(e -> e.payload())
                    .filter(LlmCancel.class::isInstance).map(LlmCancel.class::cast).findFirst().orElseThrow();
            assertThat(cancel.requestId()).isEqualTo(request.requestId());
            // the cancelled answer's failure is not shown as an error, and nothing more of it arrives
            client.send("{\"type\":\"ping\",\"timestamp\":\"after-cancel\"}");
            client.awaitMessage(VoiceClient.is("pong", "timestamp", "after-cancel"), WAIT);
            assertThat(client.ofType("error")).isEmpty();
            assertThat(client.ofType("ai_response")).hasSize(1);
            // (the conversation's title is relayed on its own and may come at any point; it is not part of the answer)
            assertThat(client.received()).extracting(m -> m.path("type").asString()).filteredOn(t -> !"title".equals(t))
                    .last().isEqualTo("pong");
        }
    }
}
