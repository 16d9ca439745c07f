package com.cvchat.gateway;

import com.cvchat.platform.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits keyed on the right thing, counted on the backend (refused requests never arrive). The test's clients
 * connect from different loopback addresses: {@code 127.0.0.2} is the trusted proxy (an ingress), {@code 127.0.0.1}
 * and {@code 127.0.0.3} are clients that connect directly. This gateway runs with
 * {@code GATEWAY_UPSTREAM_PROTOCOL=http1}: the service sees HTTP/1.1.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.upstream-protocol=http1",
        "gateway.client-address.trusted-proxies=127.0.0.2/32",
        "gateway.per-user.capacity=5", "gateway.per-user.refill-per-second=0.001",
        "gateway.per-address.capacity=3", "gateway.per-address.refill-per-second=0.001"})
class GatewayRateLimitIT {

    private static final StubBackend BACKEND = new StubBackend();

    @LocalServerPort
    int port;

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

    @Test
    void shouldLimitEachUserOnItsOwnBucketWhateverAddressItSharesAndNeverLetTheServiceSeeTheRest() throws Exception {
        HttpClient sharedAddress = clientFrom("127.0.0.3");
        String alice = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            assertThat(send(sharedAddress, asUser(alice)).statusCode()).as("request %d of alice", i + 1).isEqualTo(200);
        }
        HttpResponse<String> limited = send(sharedAddress, asUser(alice));
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.body()).startsWith("{\"error\":\"Too many requests.");
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();

        String bob = UUID.randomUUID().toString();
        for (int i = 0; i < 5; i++) {
            assertThat(send(sharedAddress, asUser(bob)).statusCode())
                    .as("bob, on the address alice used 5 times (its bucket holds 3): his own bucket").isEqualTo(200);
        }
        assertThat(BACKEND.hits("/api/v1/chats/echo")).isEqualTo(10);
        assertThat(BACKEND.protocolsOf("/api/v1/chats/echo")).as("GATEWAY_UPSTREAM_PROTOCOL=http1")
                .containsExactly("HTTP/1.1");
    }

    @Test
    void shouldIgnoreXForwardedForFromAPeerThatIsNotATrustedProxy() throws Exception {
        HttpClient direct = clientFrom("127.0.0.1");
        int before = BACKEND.hits("/api/v1/auth/login");
        int passed = 0;
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = send(direct, login().header("X-Forwarded-For", "198.51.100." + i));
            if (response.statusCode() == 200) {
                passed++;
                assertThat(BACKEND.lastHeaders.get("x-client-address")).isEqualTo("127.0.0.1");
            } else {
                assertThat(response.statusCode()).isEqualTo(429);
            }
        }
        assertThat(passed).as("a new spoofed address each time gains nothing: one bucket of 3").isEqualTo(3);
        assertThat(BACKEND.hits("/api/v1/auth/login") - before).isEqualTo(3);
    }

    @Test
    void shouldGiveTwoClientsBehindATrustedProxyTwoBuckets() throws Exception {
        HttpClient ingress = clientFrom("127.0.0.2");
        for (int i = 0; i < 3; i++) {
            assertThat(send(ingress, login().header("X-Forwarded-For", "203.0.113.7")).statusCode()).isEqualTo(200);
        }
        assertThat(BACKEND.lastHeaders.get("x-client-address")).isEqualTo("203.0.113.7");
        assertThat(send(ingress, login().header("X-Forwarded-For", "203.0.113.7")).statusCode())
                .as("the first client's bucket is empty").isEqualTo(429);
        assertThat(send(ingress, login().header("X-Forwarded-For", "6.6.6.6, 203.0.113.7")).statusCode())
                .as("what the client wrote left of the proxy's entry is not read").isEqualTo(429);

        HttpResponse<String> second = send(ingress, login().header("X-Forwarded-For", "203.0.113.8"));
        assertThat(second.statusCode()).as("another client behind the same proxy").isEqualTo(200);
        assertThat(BACKEND.lastHeaders.get("x-client-address")).as("what auth-service's login throttling keys on")
                .isEqualTo("203.0.113.8");
    }

    private static HttpClient clientFrom(String localAddress) throws Exception {
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder asUser(String userId) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chats/echo"))
                .header("Authorization", "Bearer " + TestInfrastructure.issuer().token(userId));
    }

    private HttpRequest.Builder login() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
    }
}
