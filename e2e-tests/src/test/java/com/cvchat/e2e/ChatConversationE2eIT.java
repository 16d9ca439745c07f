package com.cvchat.e2e;

import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.cvchat.platform.test.sse.SseEvent.chunkText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given the whole stack (gateway, auth, chat-service, the real llm-worker with its offline model, Kafka, store), a
 * user registered and logged in through the gateway talks to the AI over a real SSE connection.
 */
class ChatConversationE2eIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void shouldCreateChatStreamAnAnswerAndKeepTheWholeConversation() {
        // Given a registered user who creates a conversation
        ApiClient user = E2eUsers.as(E2eUsers.newUser());
        String chat = user.createChat();
        String question = "What should I expect in my first trimester?";

        // When she sends a message and reads the answer with a standard SSE client

        List<SseEvent> events;
        try (SseClient stream = user.sendMessage(chat,
                ApiClient.body().put("message", question).put("personality", "mother_figure"), Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            events = stream.rest(WAIT);
        }

        // Then the answer streams start → chunks → done, with ids and the pregnancy disclaimer
        assertThat(events.getFirst().type()).isEqualTo("start");
        assertThat(events.getLast().type()).isEqualTo("done");
        assertThat(events).extracting(SseEvent::id).doesNotContainNull().doesNotHaveDuplicates();
        String messageId = events.getFirst().json().path("message_id").asString();
        assertThat(events.getLast().json().path("message_id").asString()).isEqualTo(messageId);
        assertThat(events.getLast().json().path("disclaimer").path("primary_category").asString()).isEqualTo("pregnancy");
        String answer = chunkText(events);
        assertThat(answer).contains("trimester");

        // And the conversation keeps both messages and gets a title
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode data = user.get("/chats/" + chat).json().path("data");
            assertThat(data.path("conversation").path("title").asString()).isNotBlank();
            assertThat(data.path("messages")).extracting(m -> m.path("sender").asString()).containsExactly("user", "ai");
            assertThat(data.path("messages").get(0).path("message").asString()).isEqualTo(question);
            assertThat(data.path("messages").get(1).path("id").asString()).isEqualTo(messageId);
            assertThat(data.path("messages").get(1).path("message").asString()).isEqualTo(answer);
        });

        // When she renames it, Then the list (paginated) shows the new title
        ApiResponse renamed = user.patch("/chats/" + chat + "/title", "{\"title\": \"Baby plans\"}");
        assertThat(renamed.status()).isEqualTo(200);
        JsonNode listed = user.get("/chats?page=1&per_page=20").json().path("data");
        assertThat(listed.path("conversations")).extracting(c -> c.path("title").asString()).containsExactly("Baby plans");
        assertThat(listed.path("pagination").path("total_count").asInt()).isEqualTo(1);

        // When she deletes it, Then it is gone
        assertThat(user.delete("/chats/" + chat).body())
                .isEqualTo("{\"message\":\"Conversation deleted\",\"success\":true}");
        assertThat(user.get("/chats/" + chat).status()).isEqualTo(404);
    }

    @Test
    void shouldKeepTheAnswerOnceWhenTheClientHangsUpAndResumeWithLastEventId() {
        ApiClient user = E2eUsers.as(E2eUsers.newUser());
        String chat = user.createChat();

        List<SseEvent> before = new ArrayList<>();
        try (SseClient stream = user.sendMessage(chat, "Tell me about planning a long hiking trip")) {
            before.add(stream.next(WAIT));
            before.add(stream.next(WAIT));
        }
        String messageId = before.getFirst().json().path("message_id").asString();

        List<SseEvent> after;
        try (SseClient resumed = user.resume(chat, messageId, before.getLast().id())) {
            assertThat(resumed.status()).isEqualTo(200);
            after = resumed.rest(WAIT);
        }
        List<SseEvent> whole = new ArrayList<>(before);
        whole.addAll(after);
        assertThat(whole).extracting(SseEvent::id).doesNotHaveDuplicates();
        assertThat(after.getLast().type()).isEqualTo("done");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode messages = user.get("/chats/" + chat).json().path("data").path("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).path("message").asString()).isEqualTo(chunkText(whole));
        });
    }

    @Test
    void shouldHideAnotherUsersConversationOnEveryEndpoint() {
        ApiClient owner = E2eUsers.as(E2eUsers.newUser());
        ApiClient stranger = E2eUsers.as(E2eUsers.newUser());
        String chat = owner.createChat();
        String notFound = "{\"error\":\"Chat session not found or expired\"}";
        String message = "/chats/" + chat + "/messages/" + UUID.randomUUID();

        assertThat(stranger.get("/chats/" + chat).body()).isEqualTo(notFound);
        assertThat(stranger.patch("/chats/" + chat + "/title", "{\"title\": \"x\"}").body()).isEqualTo(notFound);
        assertThat(stranger.delete("/chats/" + chat).body()).isEqualTo(notFound);
        assertThat(stranger.post("/chats/" + chat + "/message", "{\"message\": \"hi\"}").body()).isEqualTo(notFound);
        assertThat(stranger.get(message + "/stream").body()).isEqualTo(notFound);
        assertThat(stranger.post(message + "/cancel", null).body()).isEqualTo(notFound);
        assertThat(stranger.get("/chats").json().path("data").path("conversations")).isEmpty();
        assertThat(owner.get("/chats/" + chat).status()).isEqualTo(200);
    }

}
