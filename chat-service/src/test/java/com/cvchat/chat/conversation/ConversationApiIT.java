package com.cvchat.chat.conversation;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationCreated;
import com.cvchat.events.conversation.ConversationDeleted;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.conversation.TitleSet;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.cvchat.rules.disclaimer.DisclaimerCategory;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.test.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The conversation endpoints of ai-chat-api.md on a real broker and store, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 2)
class ConversationApiIT {

    private static final String NOT_FOUND = "{\"error\":\"Chat session not found or expired\"}";

    @LocalServerPort
    int port;

    @Autowired
    ConversationProjector projector;

    @Autowired
    EventPublisher publisher;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chat");
    }

    @Test
    void shouldCreateRenameReadListAndDeleteAConversation() {
        String userId = UUID.randomUUID().toString();
        ApiClient user = ApiClient.localUser(port, userId);

        ApiResponse created = user.post("/chats", null);
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        assertThat(body.path("message").asString()).isEqualTo("Chat session created successfully");
        String id = body.path("data").path("id").asString();
        assertThat(body.path("data").path("user_id").asString()).isEqualTo(userId);
        assertThat(body.path("data").has("title")).isTrue();
        assertThat(body.path("data").path("title").isNull()).isTrue();
        assertThat(body.path("data").path("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");

        ApiResponse renamed = user.patch("/chats/" + id + "/title", "{\"title\": \"My New Chat Title\"}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.json().path("message").asString()).isEqualTo("Chat session title updated successfully.");
        assertThat(renamed.json().path("data").path("title").asString()).isEqualTo("My New Chat Title");

        ApiResponse read = user.get("/chats/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("message").asString()).isEqualTo("Conversation retrieved successfully");
        assertThat(read.json().path("data").path("conversation").path("title").asString()).isEqualTo("My New Chat Title");
        assertThat(read.json().path("data").path("messages")).isEmpty();
        assertThat(read.json().path("data").path("pagination").path("total_count").asInt()).isZero();

        ApiResponse listed = user.get("/chats");
        assertThat(listed.json().path("message").asString()).isEqualTo("User conversation tiles retrieved successfully");
        assertThat(listed.json().path("data").path("conversations")).hasSize(1);
        assertThat(listed.json().path("data").path("conversations").get(0).path("id").asString()).isEqualTo(id);

        ApiResponse deleted = user.delete("/chats/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"message\":\"Conversation deleted\",\"success\":true}");
        assertThat(user.get("/chats/" + id).status()).isEqualTo(404);
        assertThat(user.get("/chats").json().path("data").path("conversations")).isEmpty();

        assertThat(typesOnTheLog(id)).containsExactly(
                "chat.conversation-created", "chat.title-set", "chat.conversation-deleted");
    }

    @Test
    void shouldPaginateNewestFirstWithNextAndPrev() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(user.createChat());
        }

        JsonNode first = user.get("/chats?page=1&per_page=2").json().path("data");
        assertThat(first.path("conversations")).extracting(c -> c.path("id").asString())
                .containsExactly(ids.get(2), ids.get(1));
        assertThat(first.path("pagination").toString()).isEqualTo(
                "{\"page\":1,\"per_page\":2,\"total_count\":3,\"total_pages\":2,\"next\":2,\"prev\":null}");
        JsonNode second = user.get("/chats?page=2&per_page=2").json().path("data");
        assertThat(second.path("conversations")).extracting(c -> c.path("id").asString()).containsExactly(ids.get(0));
        assertThat(second.path("pagination").path("next").isNull()).isTrue();
        assertThat(second.path("pagination").path("prev").asInt()).isEqualTo(1);
        assertThat(user.get("/chats").json().path("data").path("pagination").path("per_page").asInt()).isEqualTo(20);
    }

    @Test
    void shouldRejectPagesOutOfRangeWith400() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String id = user.createChat();
        for (String query : List.of("?page=2", "?page=0", "?per_page=0", "?per_page=101", "?page=abc", "?page=-1")) {
            ApiResponse list = user.get("/chats" + query);
            assertThat(list.status()).as(query).isEqualTo(400);
            assertThat(list.json().path("error").asString()).as(query).isNotBlank();
            assertThat(user.get("/chats/" + id + query).status()).as(query).isEqualTo(400);
        }
        assertThat(user.get("/chats?page=2").json().path("error").asString())
                .isEqualTo("page 2 is out of range: there is 1 page");
    }

    @Test
    void shouldAnswer404ForSomeoneElsesConversationOnEveryEndpoint() {
        ApiClient owner = ApiClient.localUser(port, UUID.randomUUID().toString());
        ApiClient stranger = ApiClient.localUser(port, UUID.randomUUID().toString());
        String id = owner.createChat();
        String message = "{\"message\": \"hi\"}";

        for (String target : List.of(id, "not-a-uuid", UUID.randomUUID().toString())) {
            assertThat(stranger.get("/chats/" + target)).as(target)
                    .extracting(ApiResponse::status, ApiResponse::body).containsExactly(404, NOT_FOUND);
            assertThat(stranger.patch("/chats/" + target + "/title", "{\"title\": \"mine\"}"))
                    .extracting(ApiResponse::status, ApiResponse::body).containsExactly(404, NOT_FOUND);
            assertThat(stranger.delete("/chats/" + target))
                    .extracting(ApiResponse::status, ApiResponse::body).containsExactly(404, NOT_FOUND);
            assertThat(stranger.post("/chats/" + target + "/message", message))
                    .extracting(ApiResponse::status, ApiResponse::body).containsExactly(404, NOT_FOUND);
            String someMessage = "/" + target + "/messages/" + UUID.randomUUID();
            assertThat(stranger.get("/chats" + someMessage + "/stream"))
                    .extracting(ApiResponse::status, ApiResponse::body).containsExactly(404, NOT_FOUND);
            assertThat(stranger.post("/chats" + someMessage + "/cancel", null))
                    .extracting(ApiResponse::status, ApiResponse::body).containsExactly(404, NOT_FOUND);
        }
        assertThat(owner.get("/chats/" + id).json().path("data").path("conversation").path("title").isNull()).isTrue();
    }

    @Test
    void shouldRejectBadMessagesAndTitlesWithAReadableError() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String id = user.createChat();
        String path = "/" + id + "/message";

        assertThat(user.post("/chats" + path, "{\"message\": \"\"}"))
                .extracting(ApiResponse::status, ApiResponse::body)
                .containsExactly(400, "{\"error\":\"message must not be empty\"}");
        assertThat(user.post("/chats" + path, "{\"message\": \"   \"}").status()).isEqualTo(400);
        assertThat(user.post("/chats" + path, "{}").status()).isEqualTo(400);
        assertThat(user.post("/chats" + path, "{\"message\": 42}").status()).isEqualTo(400);
        assertThat(user.post("/chats" + path, "{\"message\": \"x\""))
                .extracting(ApiResponse::status, ApiResponse::body)
                .containsExactly(400, "{\"error\":\"Request body is missing or is not valid JSON\"}");
        assertThat(user.post("/chats" + path, "{\"message\": \"" + "a".repeat(8001) + "\"}"))
                .extracting(ApiResponse::status, ApiResponse::body)
                .containsExactly(413, "{\"error\":\"message is too long: at most 8000 characters\"}");
        assertThat(user.post("/chats" + path, "{\"message\": \"hi\", \"personality\": \"pirate\"}"))
                .extracting(ApiResponse::status, ApiResponse::body)
                .containsExactly(400, "{\"error\":\"Unknown personality 'pirate'. Allowed values: default, "
                        + "mother_figure, professional, friendly, concise\"}");
        assertThat(user.patch("/chats/" + id + "/title", "{\"title\": \"  \"}"))
                .extracting(ApiResponse::status, ApiResponse::body)
                .containsExactly(400, "{\"error\":\"title must not be empty\"}");
        assertThat(user.patch("/chats/" + id + "/title", "not json").status()).isEqualTo(400);
        assertThat(user.patch("/chats/" + id + "/title", "{\"title\": \"" + "t".repeat(201) + "\"}").status())
                .isEqualTo(400);
        assertThat(user.get("/chats/" + id).json().path("data").path("messages")).isEmpty();
    }

    @Test
    void shouldShowVoiceTurnsPublishedByAnotherService() {
        String userId = UUID.randomUUID().toString();
        ApiClient user = ApiClient.localUser(port, userId);
        String id = UUID.randomUUID().toString();
        String messageId = UUID.randomUUID().toString();

        publisher.publishAndWait(Topics.CONVERSATION_EVENTS,
                EventEnvelope.of(id, userId, null, new ConversationCreated(null, "voice")));
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS, EventEnvelope.of(id, userId, null,
                new MessageAdded(messageId, "user", "spoken words", "voice", null, null)));
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS,
                EventEnvelope.of(id, userId, null, new TitleSet("Voice chat", true)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            ApiResponse read = user.get("/chats/" + id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().path("data").path("conversation").path("title").asString()).isEqualTo("Voice chat");
            assertThat(read.json().path("data").path("messages").get(0).path("message").asString())
                    .isEqualTo("spoken words");
        });
    }

    @Test
    void shouldReturnTheStoredDisclaimerWithAnAiMessageAndNoneWithOthers() {
        String userId = UUID.randomUUID().toString();
        ApiClient user = ApiClient.localUser(port, userId);
        String id = UUID.randomUUID().toString();
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS,
                EventEnvelope.of(id, userId, null, new ConversationCreated(null, "text")));
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS, EventEnvelope.of(id, userId, null,
                new MessageAdded(UUID.randomUUID().toString(), "user", "Am I pregnant?", "text", null, null)));
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS, EventEnvelope.of(id, userId, null,
                new MessageAdded(UUID.randomUUID().toString(), "ai", "Maybe.", "text", null, "pregnancy")));
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS, EventEnvelope.of(id, userId, null,
                new MessageAdded(UUID.randomUUID().toString(), "ai", "Hello.", "text", null, null)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode messages = user.get("/chats/" + id).json().path("data").path("messages");
            assertThat(messages).hasSize(3);
            assertThat(messages.get(0).has("disclaimer")).isFalse();
            assertThat(messages.get(1).at("/disclaimer/primary_category").asString()).isEqualTo("pregnancy");
            assertThat(messages.get(1).at("/disclaimer/message").asString())
                    .isEqualTo(DisclaimerCategory.PREGNANCY.disclaimerText());
            assertThat(messages.get(2).has("disclaimer")).isFalse();
        });
    }

    @Test
    void shouldReachTheSameStateWhateverTheOrderOrRepetitionOfEvents() {
        String userId = UUID.randomUUID().toString();
        ApiClient user = ApiClient.localUser(port, userId);
        String id = UUID.randomUUID().toString();
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        var created = EventEnvelope.of(id, userId, null, new ConversationCreated(null, "text"), t0);
        var message = EventEnvelope.of(id, userId, null,
                new MessageAdded(UUID.randomUUID().toString(), "user", "hello", "text", null, null), t0.plusSeconds(1));
        var generated = EventEnvelope.of(id, userId, null, new TitleSet("Generated", true), t0.plusSeconds(2));
        var renamed = EventEnvelope.of(id, userId, null, new TitleSet("Renamed", false), t0.plusSeconds(3));
        var olderRename = EventEnvelope.of(id, userId, null, new TitleSet("Older", false), t0.plusSeconds(2));

        for (var event : List.of(created, message, message, generated, renamed, olderRename, generated, created)) {
            projector.apply(event);
        }
        JsonNode data = user.conversation(id);
        assertThat(data.path("conversation").path("title").asString()).isEqualTo("Renamed");
        assertThat(data.path("messages")).hasSize(1);
        assertThat(data.path("conversation").path("created_at").asString()).isEqualTo("2026-01-01T10:00:00.000000");

        var deleted = EventEnvelope.of(id, userId, null, new ConversationDeleted("gone"), t0.plusSeconds(4));
        for (var event : List.of(deleted, created, message, renamed, deleted)) {
            projector.apply(event);
        }
        assertThat(user.get("/chats/" + id).status()).isEqualTo(404);
    }

    private List<String> typesOnTheLog(String conversationId) {
        try (KafkaConsumer<String, EventEnvelope<EventPayload>> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ConsumerConfig.GROUP_ID_CONFIG, "log-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS.name()));
            List<String> types = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (conversationId.equals(r.key())) {
                        types.add(r.value().type());
                    }
                });
                return types.size() >= 3;
            });
            return types;
        }
    }
}
