package com.cvchat.e2e;

import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given the whole stack (gateway, auth, chat-service, the real llm-worker with its offline model, Kafka, store), a
 * user registered and logged in through the gateway talks to the AI over a real SSE connection.
 */
class ChatConversationE2eIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void shouldCreateChatStreamAnAnswerAndKeepTheWholeConversation() {
        // Given a registered user who creates a conversation
        E2eUsers.User user = E2eUsers.newUser();
        String chat = createChat(user);
        String question = "What should I expect in my first trimester?";

        // When she sends a message and reads the answer with a standard SSE client

        List<SseEvent> events;
        try (SseClient stream = send(user, chat, question, "mother_figure")) {
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
            JsonNode data = call(user, "GET", "/chats/" + chat, null).json().path("data");
            assertThat(data.path("conversation").path("title").asString()).isNotBlank();
            assertThat(data.path("messages")).extracting(m -> m.path("sender").asString()).containsExactly("user", "ai");
            assertThat(data.path("messages").get(0).path("message").asString()).isEqualTo(question);
            assertThat(data.path("messages").get(1).path("id").asString()).isEqualTo(messageId);
            assertThat(data.path("messages").get(1).path("message").asString()).isEqualTo(answer);
        });

        // When she renames it, Then the list (paginated) shows the new title
        ApiClient.Response renamed = call(user, "PATCH", "/chats/" + chat + "/title", "{\"title\": \"Baby plans\"}");
        assertThat(renamed.status()).isEqualTo(200);
        JsonNode listed = call(user, "GET", "/chats?page=1&per_page=20", null).json().path("data");
        assertThat(listed.path("conversations")).extracting(c -> c.path("title").asString()).containsExactly("Baby plans");
        assertThat(listed.path("pagination").path("total_count").asInt()).isEqualTo(1);

        // When she deletes it, Then it is gone
        assertThat(call(user, "DELETE", "/chats/" + chat, null).body())
                .isEqualTo("{\"message\":\"Conversation deleted\",\"success\":true}");
        assertThat(call(user, "GET", "/chats/" + chat, null).status()).isEqualTo(404);
    }

    @Test
    void shouldKeepTheAnswerOnceWhenTheClientHangsUpAndResumeWithLastEventId() {
        E2eUsers.User user = E2eUsers.newUser();
        String chat = createChat(user);

        List<SseEvent> before = new ArrayList<>();
        try (SseClient stream = send(user, chat, "Tell me about planning a long hiking trip", null)) {
            before.add(stream.next(WAIT));
            before.add(stream.next(WAIT));
        }
        String messageId = before.getFirst().json().path("message_id").asString();

        List<SseEvent> after;
        try (SseClient resumed = SseClient.get(E2eStack.api() + "/chats/" + chat + "/messages/" + messageId + "/stream",
                user.bearer(), Map.of("Last-Event-ID", before.getLast().id()))) {
            assertThat(resumed.status()).isEqualTo(200);
            after = resumed.rest(WAIT);
        }
        List<SseEvent> whole = new ArrayList<>(before);
        whole.addAll(after);
        assertThat(whole).extracting(SseEvent::id).doesNotHaveDuplicates();
        assertThat(after.getLast().type()).isEqualTo("done");

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode messages = call(user, "GET", "/chats/" + chat, null).json().path("data").path("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).path("message").asString()).isEqualTo(chunkText(whole));
        });
    }

    @Test
    void shouldHideAnotherUsersConversationOnEveryEndpoint() {
        E2eUsers.User owner = E2eUsers.newUser();
        E2eUsers.User stranger = E2eUsers.newUser();
        String chat = createChat(owner);
        String notFound = "{\"error\":\"Chat session not found or expired\"}";
        String message = "/chats/" + chat + "/messages/" + UUID.randomUUID();

        assertThat(call(stranger, "GET", "/chats/" + chat, null).body()).isEqualTo(notFound);
        assertThat(call(stranger, "PATCH", "/chats/" + chat + "/title", "{\"title\": \"x\"}").body()).isEqualTo(notFound);
        assertThat(call(stranger, "DELETE", "/chats/" + chat, null).body()).isEqualTo(notFound);
        assertThat(call(stranger, "POST", "/chats/" + chat + "/message", "{\"message\": \"hi\"}").body()).isEqualTo(notFound);
        assertThat(call(stranger, "GET", message + "/stream", null).body()).isEqualTo(notFound);
        assertThat(call(stranger, "POST", message + "/cancel", null).body()).isEqualTo(notFound);
        assertThat(call(stranger, "GET", "/chats", null).json().path("data").path("conversations")).isEmpty();
        assertThat(call(owner, "GET", "/chats/" + chat, null).status()).isEqualTo(200);
    }

    private static String createChat(E2eUsers.User user) {
        ApiClient.Response created = call(user, "POST", "/chats", null);
        assertThat(created.status()).isEqualTo(201);
        return created.json().path("data").path("id").asString();
    }

    private static SseClient send(E2eUsers.User user, String chat, String message, String personality) {
        var body = JSON.createObjectNode().put("message", message);
        if (personality != null) {
            body.put("personality", personality);
        }
        return SseClient.post(E2eStack.api() + "/chats/" + chat + "/message", user.bearer(),
                JSON.writeValueAsString(body), Map.of());
    }

    private static String chunkText(List<SseEvent> events) {
        return events.stream().filter(e -> e.type().equals("chunk"))
                .map(e -> e.json().path("content").asString()).collect(Collectors.joining());
    }

    private static ApiClient.Response call(E2eUsers.User user, String method, String path, String json) {
        return new ApiClient(user).call(method, path, json);
    }
}
