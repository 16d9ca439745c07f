package com.cvchat.llmworker.dispatch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The worker's metrics on {@code /actuator/prometheus}: {@code llm_generation_duration_seconds} (by provider, task,
 * outcome), {@code llm_generation_first_chunk_seconds}, {@code llm_generations_in_flight},
 * {@code llm_generations_outstanding}, {@code llm_requests_skipped_total} (by reason).
 */
class WorkerMetrics {

    private final MeterRegistry registry;

    WorkerMetrics(MeterRegistry registry, Supplier<Number> inFlight, Supplier<Number> outstanding) {
        this.registry = registry;
        Gauge.builder("llm.generations.in.flight", inFlight).description("generations running now").register(registry);
        Gauge.builder("llm.generations.outstanding", outstanding)
                .description("requests accepted and not finished (running + waiting for a slot)").register(registry);
    }

    void generation(String provider, String task, Generation.Outcome outcome, Duration duration, long firstChunkNanos) {
        Timer.builder("llm.generation.duration").description("time from start to the last event of a generation")
                .tag("provider", provider).tag("task", task).tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .publishPercentileHistogram()
                .register(registry).record(duration);
        if (firstChunkNanos > 0) {
            Timer.builder("llm.generation.first.chunk").description("time from start to the first chunk")
                    .tag("provider", provider).publishPercentileHistogram()
                    .register(registry).record(Duration.ofNanos(firstChunkNanos));
        }
    }

    void skipped(String reason) {
        Counter.builder("llm.requests.skipped").description("requests not generated (duplicate, stale …)")
                .tag("reason", reason).register(registry).increment();
    }
}
