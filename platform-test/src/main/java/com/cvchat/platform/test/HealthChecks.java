package com.cvchat.platform.test;

import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.awaitility.Awaitility;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** What every service promises an operator, checked over a real socket: health groups UP, metrics scrapeable. */
public final class HealthChecks {

    private HealthChecks() {
    }

    /**
     * {@code /actuator/health}, its liveness and readiness groups answer UP — within a few seconds of the start: a
     * service that asks the model is ready once it owns a reply partition — and Prometheus metrics are exposed.
     */
    public static void assertHealthyAndScrapeable(int port) {
        for (String path : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                ApiResponse response = get(port, path);
                assertThat(response.status()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
            });
        }
        ApiResponse metrics = get(port, "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    private static ApiResponse get(int port, String path) {
        return ApiClient.at("http://localhost:" + port).get(path);
    }
}
