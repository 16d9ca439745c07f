package com.cvchat.auth;

import com.cvchat.localstack.KafkaBroker;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.cvchat.platform.test.kafka.TopicRecords;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Erasure on request through auth-service's API, with a real Kafka broker: the password must be re-entered; then the
 * account, its tokens and its keys are gone and the erasure is on {@code user.keys} for every other service to act on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountErasureIT {

    private static final String PASSWORD = "Correct-Horse-42";
    private static KafkaBroker kafka;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.register(registry, "auth-erasure");
        AuthServiceApplicationIT.registerDataDir(registry);
        kafka = KafkaBroker.start(Files.createTempDirectory("auth-erasure-kafka"), freePort(), freePort());
        registry.add("spring.kafka.bootstrap-servers", kafka::bootstrapServers);
        TestInfrastructure.registerUserKeysMasterKey(registry);
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldEraseTheAccountOnlyWithThePasswordAndRecordTheErasure() {
        ApiClient client = ApiClient.local(port);
        String email = "erase-" + UUID.randomUUID() + "@example.com";
        String userId = client.register(email, PASSWORD, "Ada Lovelace").text("id");
        ApiResponse login = client.login(email, PASSWORD);
        String[] bearer = ApiClient.authorization(login.text("access_token"));

        ApiResponse wrong = client.post("/auth/me/erase", Map.of("password", "Not-The-Password-1"), bearer);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text("error")).isEqualTo("The password is not correct");
        assertThat(client.post("/auth/me/erase", Map.of(), bearer).status()).isEqualTo(400);
        assertThat(client.post("/auth/me/erase", Map.of("password", PASSWORD)).status()).isEqualTo(401);
        assertThat(client.get("/auth/me", bearer).status()).isEqualTo(200);

        ApiResponse erased = client.post("/auth/me/erase", Map.of("password", PASSWORD), bearer);

        assertThat(erased.status()).isEqualTo(200);
        assertThat(erased.text("message")).isEqualTo("Your account and personal data have been erased");
        assertThat(client.get("/auth/me", bearer).status()).isEqualTo(404);
        assertThat(client.login(email, PASSWORD).status()).isEqualTo(401);
        assertThat(client.refresh(login.text("refresh_token")).status()).isEqualTo(401);
        assertThat(userKeysRecords()).anySatisfy(r -> {
            assertThat(r.key()).isEqualTo(userId);
            assertThat(r.value()).contains("\"erased_at\"");
        });
        // the same email can start afresh: a new account, a new id
        assertThat(client.register(email, PASSWORD, "Ada Lovelace").text("id")).isNotEqualTo(userId);
    }

    /** user.keys as a stock consumer sees it. */
    private static List<ConsumerRecord<String, String>> userKeysRecords() {
        return TopicRecords.strings(kafka.bootstrapServers(), "user.keys");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
