package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Given the whole stack, every service is healthy, the gateway answers, and the topics exist. */
class StackHealthIT {

    @Test
    void shouldBringUpEveryServiceAndTheTopics() throws Exception {
        E2eStack.get();
        for (ServiceSpec spec : ServiceSpec.values()) {
            ApiResponse health = ApiClient.at(E2eStack.url(spec)).get("/actuator/health");
            assertThat(health.status()).as(spec.module()).isEqualTo(200);
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
        ApiResponse response = E2eUsers.gateway().get("/chats");
        assertThat(response.status()).isEqualTo(401);
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
