package com.cvchat.chat.audit;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationCreated;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chat");
    }

    @Test
    void shouldGiveAdministratorsTheOrderedEventsAndRefuseOrdinaryUsers() throws Exception {
        String owner = UUID.randomUUID().toString();
        String conversation = UUID.randomUUID().toString();
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS,
                EventEnvelope.of(conversation, owner, null, new ConversationCreated(null, "text")));
        publisher.publishAndWait(Topics.CONVERSATION_EVENTS,
                EventEnvelope.of(conversation, owner, null, new MessageAdded("m1", "user", "Hello", "text", "r1", null)));

        HttpResponse<String> asAdmin = get("/api/v1/audit/conversations/" + conversation,
                TestInfrastructure.issuer().adminToken(UUID.randomUUID().toString()));
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        JsonNode body = JsonMapper.builder().build().readTree(asAdmin.body());
        assertThat(body.path("conversation_id").asString()).isEqualTo(conversation);
        assertThat(body.path("events").valueStream().map(e -> e.path("type").asString()).toList())
                .containsExactly("chat.conversation-created", "chat.message-added");
        assertThat(body.path("events").get(1).path("payload").path("text").asString()).isEqualTo("Hello");

        HttpResponse<String> asOwnerOnAdminApi = get("/api/v1/audit/conversations/" + conversation,
                TestInfrastructure.issuer().token(owner));
        assertThat(asOwnerOnAdminApi.statusCode()).isEqualTo(403);
        assertThat(asOwnerOnAdminApi.body()).isEqualTo("{\"error\":\"Administrator role required\"}");

        HttpResponse<String> ownExport = get("/api/v1/audit/me/conversations/" + conversation,
                TestInfrastructure.issuer().token(owner));
        assertThat(ownExport.statusCode()).isEqualTo(200);
        assertThat(ownExport.body()).isEqualTo(asAdmin.body());

        HttpResponse<String> someoneElse = get("/api/v1/audit/me/conversations/" + conversation,
                TestInfrastructure.issuer().token(UUID.randomUUID().toString()));
        assertThat(someoneElse.statusCode()).isEqualTo(404);

        HttpResponse<String> unknown = get("/api/v1/audit/conversations/" + UUID.randomUUID(),
                TestInfrastructure.issuer().adminToken(UUID.randomUUID().toString()));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Conversation not found\"}");
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}
