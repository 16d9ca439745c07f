package com.cvchat.reliability;

import com.cvchat.localstack.ServiceProcess;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads an llm-worker instance's own Prometheus figures: which instance is generating what. */
final class WorkerMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private WorkerMetrics() {
    }

    /** {@code llm_generations_in_flight} of that instance: the answers it is generating now. */
    static double inFlight(ServiceProcess worker) {
        return sum(worker, "llm_generations_in_flight");
    }

    /** The sum of every sample of {@code metric} (all label sets) at the instance's {@code /actuator/prometheus}. */
    static double sum(ServiceProcess worker, String metric) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create(worker.url() + "/actuator/prometheus")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body().lines()
                    .filter(line -> line.startsWith(metric + "{") || line.startsWith(metric + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (IOException e) {
            throw new IllegalStateException(worker.name() + " metrics: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
