package com.cvchat.platform.test;

import com.cvchat.platform.test.http.ApiClient;

import java.time.Duration;

/** Reads one service instance's own figures from its {@code /actuator/prometheus} text, over HTTP with a timeout. */
public final class PrometheusMetrics {

    private PrometheusMetrics() {
    }

    /** The sum of every sample of {@code metric} (all label sets) served at {@code baseUrl/actuator/prometheus}. */
    public static double sum(String baseUrl, String metric) {
        String body = ApiClient.at(baseUrl).withTimeout(Duration.ofSeconds(10)).get("/actuator/prometheus").body();
        return body.lines()
                .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
