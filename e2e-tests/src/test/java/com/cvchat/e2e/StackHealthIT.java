package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Given the whole stack, every service is healthy, the gateway answers, and the topics exist. */
class StackHealthIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldBringUpEveryServiceAndTheTopics() throws Exception {
        E2eStack.get();
        for (ServiceSpec spec : ServiceSpec.values()) {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder().timeout(E2eStack.CALL_TIMEOUT)
                    .uri(URI.create(E2eStack.url(spec) + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).as(spec.module()).isEqualTo(200);
            assertThat(health.body()).as(spec.module()).contains("\"status\":\"UP\"");
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                E2eStack.get().kafkaBootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get();
            assertThat(topics).contains("llm.requests", "llm.responses.chat", "llm.responses.cv",
                    "llm.responses.voice", "llm.outcomes", "conversation.events",
                    "llm.requests.dlt", "llm.outcomes.dlt", "conversation.events.dlt");
            assertThat(admin.describeTopics(Set.of("llm.requests")).allTopicNames().get()
                    .get("llm.requests").partitions()).hasSize(12);
        }
    }

    @Test
    void shouldRejectAnonymousRequestsAtTheGatewayWithTheSpecText() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder().timeout(E2eStack.CALL_TIMEOUT)
                .uri(URI.create(E2eStack.api() + "/chats")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("{\"error\":\"Invalid or expired token\"}");
    }

    @Test
    void shouldKeepKafkaClientConfigurationDumpsOutOfTheServiceLogs() throws Exception {
        E2eStack.get();
        java.nio.file.Path logs = E2eStack.get().config().dataDir().resolve("logs");
        for (ServiceSpec spec : ServiceSpec.values()) {
            java.nio.file.Path log = logs.resolve(spec.module() + ".log");
            assertThat(log).as(spec.module()).exists();
            String text = java.nio.file.Files.readString(log);
            assertThat(text).as(spec.module() + " log").contains("Started")
                    .doesNotContain("ConsumerConfig values", "ProducerConfig values", "AdminClientConfig values");
        }
    }
}
