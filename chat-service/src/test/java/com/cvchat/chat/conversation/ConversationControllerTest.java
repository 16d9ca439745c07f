package com.cvchat.chat.conversation;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationCreated;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.security.PlatformJwt;
import com.cvchat.platform.security.ServletSecurityAutoConfiguration;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.web.ServletWebAutoConfiguration;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conversation endpoints' request and response mapping, in a web slice: the real controller, the platform's
 * security (tokens from the test issuer, checked against its JWKS) and error advice, and the real read model
 * ({@link Conversations}, {@link ConversationProjector}) on the in-memory MongoDB-wire store. No broker: the publisher
 * points at none, so a request that published anything on bad input would fail instead of answering 4xx.
 * The paths that publish (create, rename, delete) are covered end to end by {@link ConversationApiIT}.
 */
@WebMvcTest(ConversationController.class)
@ImportAutoConfiguration({SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
        ServletSecurityAutoConfiguration.class, ServletWebAutoConfiguration.class})
@Import(ConversationControllerTest.ReadModel.class)
class ConversationControllerTest {

    private static final String DATABASE = "chat-slice";
    private static final String NOT_FOUND = "{\"error\":\"Chat session not found or expired\"}";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ConversationProjector projector;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("platform.security.jwk-set-uri", () -> TestInfrastructure.issuer().jwkSetUri());
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ReadModel {

        @Bean(destroyMethod = "close")
        MongoClient mongoClient() {
            return MongoClients.create(TestInfrastructure.mongo().uri(DATABASE));
        }

        @Bean
        MongoTemplate mongoTemplate(MongoClient client) {
            return new MongoTemplate(client, DATABASE);
        }

        @Bean
        Conversations conversations(MongoTemplate mongo) {
            return new Conversations(mongo);
        }

        @Bean
        ConversationProjector conversationProjector(MongoTemplate mongo) {
            return new ConversationProjector(mongo);
        }

        @Bean
        ConversationCommands conversationCommands(ConversationProjector projector) {
            // no broker behind it: nothing in these tests may publish
            return new ConversationCommands(new EventPublisher(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
                    Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9",
                            ProducerConfig.MAX_BLOCK_MS_CONFIG, 500,
                            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class)))), projector);
        }
    }

    @Test
    void shouldReadAConversationWithTheSpecsFieldNames() {
        String user = UUID.randomUUID().toString();
        String id = storedConversation(user);

        MvcTestResult read = as(user, mvc.get().uri("/api/v1/chats/{id}", id));

        assertThat(read).hasStatusOk().hasContentType(MediaType.APPLICATION_JSON);
        assertThat(read).bodyJson().extractingPath("$.message").isEqualTo("Conversation retrieved successfully");
        assertThat(read).bodyJson().extractingPath("$.data.conversation.id").isEqualTo(id);
        assertThat(read).bodyJson().extractingPath("$.data.conversation.user_id").isEqualTo(user);
        assertThat(read).bodyJson().extractingPath("$.data.conversation.title").isNull();
        assertThat(read).bodyJson().extractingPath("$.data.conversation.created_at").asString()
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}");
        assertThat(read).bodyJson().extractingPath("$.data.messages").asArray().isEmpty();
        assertThat(read).bodyJson().extractingPath("$.data.pagination.per_page").isEqualTo(20);
    }

    @Test
    void shouldAnswer404ForAnIdThatIsNotAUuidOrNotTheUsersOnEveryEndpoint() {
        String owner = UUID.randomUUID().toString();
        String someoneElse = UUID.randomUUID().toString();
        String id = storedConversation(owner);

        for (String bad : new String[]{"not-a-uuid", UUID.randomUUID().toString()}) {
            assertError(as(owner, mvc.get().uri("/api/v1/chats/{id}", bad)), 404, NOT_FOUND);
            assertError(as(owner, mvc.patch().uri("/api/v1/chats/{id}/title", bad)
                    .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"A title\"}")), 404, NOT_FOUND);
            assertError(as(owner, mvc.delete().uri("/api/v1/chats/{id}", bad)), 404, NOT_FOUND);
        }
        assertError(as(someoneElse, mvc.get().uri("/api/v1/chats/{id}", id)), 404, NOT_FOUND);
        assertError(as(someoneElse, mvc.patch().uri("/api/v1/chats/{id}/title", id)
                .contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Mine now\"}")), 404, NOT_FOUND);
        assertError(as(someoneElse, mvc.delete().uri("/api/v1/chats/{id}", id)), 404, NOT_FOUND);
    }

    @Test
    void shouldRefuseABadTitleNamingTheFieldAndChangeNothing() {
        String user = UUID.randomUUID().toString();
        String id = storedConversation(user);

        assertError(rename(user, id, "{\"title\": \"   \"}"), 400, "{\"error\":\"title must not be empty\"}");
        assertError(rename(user, id, "{}"), 400, "{\"error\":\"title must not be empty\"}");
        assertError(rename(user, id, "{\"title\": \"" + "x".repeat(201) + "\"}"), 400,
                "{\"error\":\"title must be at most 200 characters\"}");
        assertError(rename(user, id, "{\"title\": "), 400,
                "{\"error\":\"Request body is missing or is not valid JSON\"}");

        assertThat(as(user, mvc.get().uri("/api/v1/chats/{id}", id))).bodyJson()
                .extractingPath("$.data.conversation.title").isNull();
    }

    @Test
    void shouldRefuseBadPagesNamingTheParameterAsSent() {
        String user = UUID.randomUUID().toString();

        assertError(as(user, mvc.get().uri("/api/v1/chats?per_page=0")), 400,
                "{\"error\":\"per_page must be between 1 and 100\"}");
        assertError(as(user, mvc.get().uri("/api/v1/chats?per_page=101")), 400,
                "{\"error\":\"per_page must be between 1 and 100\"}");
        assertError(as(user, mvc.get().uri("/api/v1/chats?page=0")), 400, "{\"error\":\"page must be 1 or more\"}");
        assertError(as(user, mvc.get().uri("/api/v1/chats?per_page=ten")), 400,
                "{\"error\":\"Parameter 'per_page' has an invalid value\"}");
        assertError(as(user, mvc.get().uri("/api/v1/chats?page=2")), 400,
                "{\"error\":\"page 2 is out of range: there is 1 page\"}");
    }

    @Test
    void shouldListTheUsersConversationsOnly() {
        String user = UUID.randomUUID().toString();
        String mine = storedConversation(user);
        storedConversation(UUID.randomUUID().toString());

        MvcTestResult list = as(user, mvc.get().uri("/api/v1/chats"));

        assertThat(list).hasStatusOk();
        assertThat(list).bodyJson().extractingPath("$.message").isEqualTo("User conversation tiles retrieved successfully");
        assertThat(list).bodyJson().extractingPath("$.data.conversations[*].id").asArray().containsExactly(mine);
    }

    @Test
    void shouldRefuseARequestWithoutAToken() {
        MvcTestResult anonymous = mvc.get().uri("/api/v1/chats").exchange();

        assertError(anonymous, 401, "{\"error\":\"" + PlatformJwt.INVALID_TOKEN_MESSAGE + "\"}");
    }

    /** A conversation of {@code userId} in the read model, put there the way every change is: by the projector. */
    private String storedConversation(String userId) {
        String id = UUID.randomUUID().toString();
        projector.apply(EventEnvelope.of(id, userId, null, new ConversationCreated(null, "text")));
        return id;
    }

    private MvcTestResult rename(String userId, String id, String body) {
        return as(userId, mvc.patch().uri("/api/v1/chats/{id}/title", id)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static MvcTestResult as(String userId, MockMvcTester.MockMvcRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestInfrastructure.issuer().token(userId))
                .exchange();
    }

    private static void assertError(MvcTestResult result, int status, String body) {
        assertThat(result).hasStatus(status).hasContentType(MediaType.APPLICATION_JSON);
        assertThat(result).bodyText().isEqualTo(body);
    }
}
