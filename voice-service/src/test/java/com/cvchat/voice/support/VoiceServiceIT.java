package com.cvchat.voice.support;

import com.cvchat.platform.test.voice.VoiceClient;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.llm.FakeLlmWorker;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * What every voice-service IT shares: chat-service's API on a local socket ({@link FakeChatService}), a model worker on
 * the real broker ({@link FakeLlmWorker} answering as {@link VoiceModel}), and real WebSocket clients on the service's port. Subclasses add
 * {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} and {@code @EmbeddedKafka}.
 */
@Import(VoiceServiceIT.Worker.class)
public abstract class VoiceServiceIT {

    /** One per JVM: the subclasses' cached Spring contexts keep pointing at it. */
    protected static final FakeChatService CHAT = new FakeChatService();
    protected static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    protected int port;
    @Autowired
    protected FakeLlmWorker worker;
    @Autowired
    protected VoiceModel model;
    @Autowired
    protected ConversationEvents events;
    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "voice");
        registry.add("voice.chat-service-url", CHAT::url);
    }

    @TestConfiguration
    static class Worker {
        @Bean
        VoiceModel voiceModel() {
            return new VoiceModel();
        }

        @Bean
        FakeLlmWorker fakeLlmWorker(@org.springframework.beans.factory.annotation.Value(
                "${spring.kafka.bootstrap-servers}") String brokers, VoiceModel model) {
            return new FakeLlmWorker(brokers, model);
        }

        @Bean
        ConversationEvents conversationEvents() {
            return new ConversationEvents();
        }
    }

    @BeforeEach
    void listenersAssigned() {
        await().atMost(WAIT).until(() -> listeners.getListenerContainers().stream()
                .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
        model.hold = false;
    }

    protected String url(String chatSessionId, String token) {
        return "ws://localhost:" + port + "/api/v1/chats/ws/voice/" + chatSessionId + "?token=" + token;
    }

    protected VoiceClient connect(String userId, String chatSessionId) {
        VoiceClient client = VoiceClient.connect(url(chatSessionId, TestInfrastructure.issuer().token(userId)));
        client.awaitType("status", WAIT);
        return client;
    }

    protected static String conversationOf(VoiceClient client) {
        return client.awaitMessage(m -> m.has("chat_session_id"), WAIT).path("chat_session_id").asString();
    }
}
