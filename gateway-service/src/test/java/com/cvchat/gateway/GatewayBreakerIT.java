package com.cvchat.gateway;

import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.RawHttp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The route's Resilience4j breaker (Spring Cloud Gateway's {@code CircuitBreaker} filter) in front of a service that
 * goes down and comes back on its port: 503 {@code {"error"}} while it is down, refused without trying while open,
 * closed again by a trial once it is back — and a trial the client abandons, or a long stream, never wedges it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "gateway.breaker.failure-threshold=2", "gateway.breaker.open-for=PT3S"})
class GatewayBreakerIT {

    private static final int CV_PORT = freePort();
    private static final String DOWN = "{\"error\":\"The cv-builder service is unavailable right now. Please try again shortly.\"}";

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private StubBackend backend;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gateway");
        registry.add("CV_BUILDER_SERVICE_URL", () -> "http://127.0.0.1:" + CV_PORT);
    }

    @AfterEach
    void stopBackend() {
        if (backend != null) {
            backend.heldRelease.tryEmitEmpty();
            backend.close();
            backend = null;
        }
    }

    @Test
    void shouldRefuseFastWhileOpenAndCloseAgainAfterATrialTheClientAbandoned() throws Exception {
        openTheBreaker();

        backend = new StubBackend(CV_PORT);
        long started = System.nanoTime();
        HttpResponse<String> refused = get("/api/v1/chat/sessions");
        double refusedMs = (System.nanoTime() - started) / 1e6;
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.body()).isEqualTo(DOWN);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(backend.totalHits()).as("an open breaker does not try the service").isZero();
        assertThat(refusedMs).as("refused at once").isLessThan(1000);
        assertThat(metrics()).containsPattern(state("open"));

        // the first request after the open period is the trial; its client hangs up before the service answers
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (RawHttp.KeepAlive connection = new RawHttp.KeepAlive("http://127.0.0.1:" + port)) {
                connection.write("GET /api/v1/chat/hang HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer()
                        + "\r\n\r\n");
                return trialArrived();
            }
        });

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/v1/chat/sessions").statusCode() == 200);
        assertThat(metrics()).containsPattern(state("closed"));
        System.out.printf("Breaker: open -> 503 in %.1f ms; closed after the abandoned trial%n", refusedMs);
    }

    @Test
    void shouldCountAStreamByItsStatusSoAHeldTrialDoesNotKeepTheRouteHalfOpen() throws Exception {
        openTheBreaker();
        backend = new StubBackend(CV_PORT);

        HttpResponse<Stream<String>> stream = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> http.send(request("/api/v1/chat/held").header("Accept", "text/event-stream").build(),
                        HttpResponse.BodyHandlers.ofLines()), response -> response.statusCode() == 200);
        Iterator<String> events = stream.body().filter(line -> line.startsWith("data:")).iterator();
        assertThat(events.next()).isEqualTo("data: open");

        HttpResponse<String> whileHeld = get("/api/v1/chat/sessions");
        assertThat(whileHeld.statusCode()).as("the trial stream is still open; its 200 closed the breaker")
                .isEqualTo(200);

        backend.heldRelease.tryEmitEmpty();
        assertThat(events.next()).isEqualTo("data: released");
    }

    /**
     * Requests to the stopped service fail with 503 (the first may still find a kept-alive connection closing); two
     * failures in a row open the breaker.
     */
    private void openTheBreaker() throws Exception {
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/v1/chat/sessions").statusCode() == 503);
        HttpResponse<String> response = get("/api/v1/chat/sessions");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo(DOWN);
    }

    /** Whether the request reached the service (the trial) before this client gives up on it. */
    private boolean trialArrived() {
        try {
            await().atMost(Duration.ofSeconds(2)).until(() -> backend.hits("hang") > 0);
            return true;
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            return false;
        }
    }

    /** The exported Resilience4j gauge of the cv-builder route's breaker being in {@code state}. */
    private static String state(String state) {
        return "resilience4j_circuitbreaker_state\\{[^}]*name=\"cv-builder\",state=\"" + state + "\"} 1\\.0";
    }

    private String metrics() throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(request(path).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", bearer());
    }

    private static String bearer() {
        return "Bearer " + TestInfrastructure.issuer().token(UUID.randomUUID().toString());
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
