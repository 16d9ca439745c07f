package com.cvchat.chat.audit;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationCreated;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit API reads the log: administrators see any conversation, users only their own, others are refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 2)
class AuditApiIT {

    @LocalServerPort
    int port;

    @Autowired
    EventPublisher publisher;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chat");
    }

    @Test
    void shouldGiveAdministratorsTheOrderedEventsAndRefuseOrdinaryUsers() {
        String owner = UUID.randomUUID().toString();
        String conversation = UUID.randomUUID().toString();
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS,
                EventEnvelope.of(conversation, owner, null, new ConversationCreated(null, "text")));
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS,
                EventEnvelope.of(conversation, owner, null, new MessageAdded("m1", "user", "Hello", "text", "r1", null)));

        ApiResponse asAdmin = get("/audit/conversations/" + conversation,
                TestInfrastructure.issuer().adminToken(UUID.randomUUID().toString()));
        assertThat(asAdmin.status()).isEqualTo(200);
        JsonNode body = asAdmin.json();
        assertThat(body.path("conversation_id").asString()).isEqualTo(conversation);
        assertThat(body.path("events").valueStream().map(e -> e.path("type").asString()).toList())
                .containsExactly("chat.conversation-created", "chat.message-added");
        assertThat(body.path("events").get(1).path("payload").path("text").asString()).isEqualTo("Hello");

        ApiResponse asOwnerOnAdminApi = get("/audit/conversations/" + conversation,
                TestInfrastructure.issuer().token(owner));
        assertThat(asOwnerOnAdminApi.status()).isEqualTo(403);
        assertThat(asOwnerOnAdminApi.body()).isEqualTo("{\"error\":\"Administrator role required\"}");

        ApiResponse ownExport = get("/audit/me/conversations/" + conversation,
                TestInfrastructure.issuer().token(owner));
        assertThat(ownExport.status()).isEqualTo(200);
        assertThat(ownExport.body()).isEqualTo(asAdmin.body());

        ApiResponse someoneElse = get("/audit/me/conversations/" + conversation,
                TestInfrastructure.issuer().token(UUID.randomUUID().toString()));
        assertThat(someoneElse.status()).isEqualTo(404);

        ApiResponse unknown = get("/audit/conversations/" + UUID.randomUUID(),
                TestInfrastructure.issuer().adminToken(UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Conversation not found\"}");
    }

    private ApiResponse get(String path, String token) {
        return ApiClient.local(port).withToken(token).get(path);
    }
}
