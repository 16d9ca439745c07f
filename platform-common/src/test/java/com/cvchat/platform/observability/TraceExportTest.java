package com.cvchat.platform.observability;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Traces leave a service only when an OTLP endpoint is configured ({@code MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT}):
 * unset, no exporter exists; set, a finished span reaches a collector over OTLP/HTTP (a local receiver here).
 */
class TraceExportTest {

    private final ApplicationContextRunner tracing = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class))
            .withPropertyValues("management.tracing.sampling.probability=1.0",
                    "management.opentelemetry.tracing.export.schedule-delay=50ms");

    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer collector;

    @BeforeEach
    void startCollector() throws IOException {
        collector = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
    }

    @AfterEach
    void stopCollector() {
        collector.stop(0);
    }

    @Test
    void shouldExportNothingWithoutAnEndpoint() {
        tracing.run(context -> {
            assertThat(context).hasSingleBean(Tracer.class).doesNotHaveBean(SpanExporter.class);
            Span span = context.getBean(Tracer.class).nextSpan().name("unexported").start();
            span.end();
        });
        assertThat(received).isEmpty();
    }

    @Test
    void shouldSendFinishedSpansToTheConfiguredEndpoint() {
        tracing.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://localhost:"
                + collector.getAddress().getPort() + "/v1/traces").run(context -> {
            Span span = context.getBean(Tracer.class).nextSpan().name("exported").start();
            span.end();
            await().atMost(Duration.ofSeconds(10)).until(() -> !received.isEmpty());
        });
        assertThat(received).first().isEqualTo("POST application/x-protobuf");
    }
}
