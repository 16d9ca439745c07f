package com.cvchat.chat.erasure;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.conversation.ErasedEvent;
import com.cvchat.events.json.EventHeaders;
import com.cvchat.platform.replay.ConversationLog;
import com.cvchat.platform.replay.ProjectionListener;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.kafka.TopicRecords;
import com.cvchat.platform.test.llm.ScriptedModel;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import com.cvchat.platform.userkeys.UserKeyStore;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure by crypto-shredding on a real broker and store: conversation payloads on the log are sealed with the user's
 * data key; once the key is destroyed the user's conversations leave the API, the raw log holds no plaintext of them,
 * and replaying the whole log does not bring them back, while another user's data is untouched.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 2)
class ChatErasureIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static ScriptedModel model;

    @LocalServerPort
    int port;

    @Autowired
    UserKeyStore keys;

    @Autowired
    ConversationLog log;

    @Autowired
    ProjectionListener projection;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chat-erasure");
        TestInfrastructure.registerUserKeysMasterKey(registry);
    }

    @AfterAll
    static void stopModel() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void shouldForgetAnErasedUsersConversationsForGoodAndKeepOthers() {
        model = ScriptedModel.start(System.getProperty("spring.embedded.kafka.brokers"));
        String erasedId = UUID.randomUUID().toString();
        ApiClient erased = ApiClient.localUser(port, erasedId);
        ApiClient kept = ApiClient.localUser(port, UUID.randomUUID().toString());
        String erasedChat = erased.createChat();
        String keptChat = kept.createChat();
        talk(erased, erasedChat, "My neighbour Zebulon owes me money");
        assertThat(erased.patch("/chats/" + erasedChat + "/title", "{\"title\": \"Zebulon debt\"}").status()).isEqualTo(200);
        talk(kept, keptChat, "Tell me about Quetzalcoatl");

        // The log is plain JSON with the type in headers, but the content is sealed: no plaintext of it on the wire
        List<ConsumerRecord<String, String>> raw = rawRecords();
        assertThat(raw).filteredOn(r -> erasedChat.equals(r.key())).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(r -> {
                    assertThat(r.value()).contains("\"sealed\"").contains("\"user_id\":\"" + erasedId + "\"");
                    assertThat(r.headers().lastHeader(EventHeaders.EVENT_TYPE)).isNotNull();
                });
        assertThat(raw).allSatisfy(r -> assertThat(r.value()).doesNotContain("Zebulon").doesNotContain("Quetzalcoatl"));
        // while every reader of the log opens it transparently
        assertThat(log.history(erasedChat)).extracting(e -> e.payload().getClass().getSimpleName())
                .contains("MessageAdded", "TitleSet").doesNotContain("ErasedEvent");

        // When the user is erased (what auth-service does on POST /api/v1/auth/me/erase)
        keys.erase(erasedId);

        // Then their conversation leaves the API, the other user's stays
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(erased.get("/chats/" + erasedChat).status()).isEqualTo(404);
            assertThat(erased.get("/chats").json().path("data").path("conversations")).isEmpty();
        });
        assertThat(kept.conversation(keptChat).path("messages")).hasSize(2);
        // and the log shows their events as erased, with no content
        List<EventEnvelope<ConversationEvent>> history = log.history(erasedChat);
        assertThat(history).isNotEmpty().allSatisfy(e -> assertThat(e.payload()).isEqualTo(ErasedEvent.INSTANCE));
        // and nothing more is written for them with a still-valid token
        assertThat(erased.post("/chats", null).status()).isEqualTo(401);

        // When the whole log is replayed through the live projectors (what a rebuild does)
        log.forEach(event -> projection.on(asPayloadEnvelope(event)));

        // Then the erased conversation does not come back, and the other one is unchanged
        assertThat(erased.get("/chats/" + erasedChat).status()).isEqualTo(404);
        assertThat(kept.conversation(keptChat).path("messages")).hasSize(2);
    }

    private static void talk(ApiClient user, String chat, String message) {
        try (SseClient stream = user.sendMessage(chat, message)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.rest(WAIT)).extracting(SseEvent::type).contains("done");
        }
        await().atMost(WAIT).until(() -> user.conversation(chat).path("messages").size() == 2);
    }

    @SuppressWarnings("unchecked")
    private static EventEnvelope<EventPayload> asPayloadEnvelope(EventEnvelope<ConversationEvent> event) {
        return (EventEnvelope<EventPayload>) (EventEnvelope<?>) event;
    }

    /** Every record of conversation.events as a stock consumer (kcat) sees it: strings, no project code. */
    private static List<ConsumerRecord<String, String>> rawRecords() {
        return TopicRecords.strings(System.getProperty("spring.embedded.kafka.brokers"),
                Topics.CONVERSATION_EVENTS.name());
    }
}
