package com.cvchat.gateway;

import com.cvchat.platform.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-user and per-address buckets answer 429 with Retry-After, and the refused requests never reach the service.
 * This gateway runs with {@code GATEWAY_UPSTREAM_PROTOCOL=http1}: the service sees HTTP/1.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.upstream-protocol=http1",
        "gateway.per-user.capacity=3", "gateway.per-user.refill-per-second=0.001",
        "gateway.per-address.capacity=10", "gateway.per-address.refill-per-second=0.001"})
class GatewayRateLimitIT {

    private static final StubBackend BACKEND = new StubBackend();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gateway");
        registry.add("AUTH_SERVICE_URL", BACKEND::url);
        registry.add("CHAT_SERVICE_URL", BACKEND::url);
    }

    @AfterAll
    static void stop() {
        BACKEND.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder asUser(String userId) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/chats/echo"))
                .header("Authorization", "Bearer " + TestInfrastructure.issuer().token(userId));
    }

    @Test
    void shouldLimitEachUserAndEachAddressBeforeTheBackendSeesTheRequest() throws Exception {
        String alice = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            assertThat(send(asUser(alice)).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> limited = send(asUser(alice));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).startsWith("{\"error\":\"Too many requests.");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(BACKEND.hits("/api/v1/chats/echo")).isEqualTo(3);

        assertThat(send(asUser(UUID.randomUUID().toString())).statusCode()).as("another user has their own bucket")
                .isEqualTo(200);

        HttpRequest.Builder login = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
        int passed = 0;
        HttpResponse<String> last;
        do {
            last = send(login);
            if (last.statusCode() == 200) {
                passed++;
            }
        } while (last.statusCode() == 200 && passed < 20);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(passed).as("the address had 10 tokens, 5 were used by the two users").isEqualTo(5);
        assertThat(BACKEND.hits("/api/v1/auth/login")).isEqualTo(5);
        assertThat(BACKEND.protocolsOf("/api/v1/chats/echo")).as("GATEWAY_UPSTREAM_PROTOCOL=http1")
                .containsExactly("HTTP/1.1");
    }
}
