package com.cvchat.platform.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service promises an operator, checked over a real socket: health groups UP, metrics scrapeable. */
public final class HealthChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HealthChecks() {
    }

    /**
     * {@code /actuator/health}, its liveness and readiness groups answer UP — within a few seconds of the start: a
     * service that asks the model is ready once it owns a reply partition — and Prometheus metrics are exposed.
     */
    public static void assertHealthyAndScrapeable(int port) throws IOException, InterruptedException {
        for (String path : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                HttpResponse<String> response = get(port, path);
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
            });
        }
        HttpResponse<String> metrics = get(port, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
