package com.cvchat.e2e;

import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.platform.test.voice.VoiceClient;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Given the whole stack with offline speech recognition (pocketsphinx) and the offline model, a user talks over a real
 * WebSocket through the gateway: speech made with flite, streamed as 16 kHz LINEAR16 in 100 ms chunks.
 */
class VoiceE2eIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static String socketUrl(String chatSessionId, String token) {
        return E2eStack.api().replaceFirst("^http", "ws") + "/chats/ws/voice/" + chatSessionId + "?token=" + token;
    }

    static VoiceClient connect(ApiClient.Account user, String chatSessionId) {
        return VoiceClient.connect(socketUrl(chatSessionId, user.accessToken()));
    }

    static String conversationOf(VoiceClient client) {
        return client.awaitMessage(m -> m.has("chat_session_id"), WAIT).path("chat_session_id").asString();
    }

    @Test
    void shouldTranscribeSpeechAnswerItAndKeepBothMessagesInANewConversation() {
        // Given a user connected to the voice WebSocket through the gateway, and flite-made speech
        byte[] pcm = SpeechSamples.pcm(SpeechSamples.SARAH);
        ApiClient.Account user = E2eUsers.newUser();
        try (VoiceClient client = connect(user, "my-voice-chat")) {
            String conversationId = conversationOf(client);

            // When she talks at real time and stops
            client.startTalking();
            client.awaitMessage(VoiceClient.is("status", "message", "Listening... Speak now"), WAIT);
            client.stream(SpeechSamples.chunks100ms(pcm), Duration.ofMillis(100)); // at real time, as a microphone
            client.sendType("stop_talking");

            // Then she gets partial and final transcripts, the streamed answer and a title
            String transcript = client.awaitType("final_transcript", WAIT).path("text").asString();
            assertThat(SpeechSamples.wordErrors(SpeechSamples.SARAH, transcript)).as(transcript).isLessThanOrEqualTo(1);
            assertThat(client.ofType("partial_transcript")).isNotEmpty();
            JsonNode complete = client.awaitMessage(m -> m.path("is_complete").asBoolean(), WAIT);
            List<JsonNode> pieces = client.ofType("ai_response").stream()
                    .filter(m -> !m.path("is_complete").asBoolean()).toList();
            assertThat(pieces).isNotEmpty();
            assertThat(complete.path("text").asString()).isNotBlank()
                    .isEqualTo(pieces.stream().map(p -> p.path("text").asString()).reduce("", String::concat));
            String title = client.awaitType("title", WAIT).path("text").asString();
            assertThat(title).isNotBlank().hasSizeLessThanOrEqualTo(60);

            // And the conversation keeps both messages
            await().atMost(WAIT).untilAsserted(() -> {
                JsonNode data = E2eUsers.as(user).conversation(conversationId);
                assertThat(data.path("conversation").path("title").asString()).isEqualTo(title);
                assertThat(data.path("messages")).extracting(m -> m.path("sender").asString())
                        .containsExactly("user", "ai");
                assertThat(data.path("messages").get(0).path("message").asString()).isEqualTo(transcript);
                assertThat(data.path("messages").get(1).path("message").asString())
                        .isEqualTo(complete.path("text").asString());
            });
        }
    }

    @Test
    void shouldAnswerPingAndReportBadInputThroughTheGateway() {
        try (VoiceClient client = connect(E2eUsers.newUser(), "pings")) {
            client.send("not json");
            client.send("{\"type\":\"ping\",\"timestamp\":\"t-1\"}");
            assertThat(client.awaitType("pong", WAIT).path("timestamp").asString()).isEqualTo("t-1");
            assertThat(client.ofType("error")).extracting(m -> m.path("message").asString())
                    .containsExactly("Messages must be JSON objects with a \"type\"");
        }
    }

    @Test
    void shouldRefuseTheSocketWithoutAValidTokenAtTheGateway() {
        for (String token : List.of("", "not-a-jwt")) {
            assertThatThrownBy(() -> HTTP.newWebSocketBuilder()
                    .buildAsync(URI.create(socketUrl("x", token)), new WebSocket.Listener() { }).join())
                    .isInstanceOf(CompletionException.class)
                    .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
        }
    }

    @Test
    void shouldNeverJoinAnotherUsersConversation() {
        ApiClient.Account alice = E2eUsers.newUser();
        ApiClient.Account bob = E2eUsers.newUser();
        String alicesChat = E2eUsers.as(alice).createChat();
        try (VoiceClient own = connect(alice, alicesChat); VoiceClient intruder = connect(bob, alicesChat)) {
            assertThat(conversationOf(own)).isEqualTo(alicesChat);
            String bobsChat = conversationOf(intruder);
            assertThat(bobsChat).isNotEqualTo(alicesChat);
            assertThat(E2eUsers.as(bob).conversation(bobsChat).path("conversation").path("id").asString())
                    .isEqualTo(bobsChat);
        }
    }

}
