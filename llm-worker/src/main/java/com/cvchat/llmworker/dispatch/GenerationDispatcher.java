package com.cvchat.llmworker.dispatch;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.llmworker.provider.LlmProvider;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs generations off the consumer thread: each accepted request gets a virtual thread, at most
 * {@code llm.worker.max-in-flight} run at once, and the consumer is paused when too many are outstanding, so the poll
 * loop never waits for a model (no {@code max.poll.interval.ms} breach).
 */
@Component
class GenerationDispatcher implements DisposableBean {

    static final String LISTENER_ID = "llm-worker";
    private static final Logger log = LoggerFactory.getLogger(GenerationDispatcher.class);

    private final LlmProvider provider;
    private final ResponsePublisher publisher;
    private final WorkerProperties properties;
    private final KafkaListenerEndpointRegistry endpoints;
    private final RequestRegistry registry;
    private final OffsetTracker offsets = new OffsetTracker();
    private final Semaphore slots;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final AnswerTracing tracing;
    private final ExecutorService executor;
    private final WorkerMetrics metrics;
    private volatile boolean paused;

    GenerationDispatcher(LlmProvider provider, ResponsePublisher publisher, WorkerProperties properties,
                         KafkaListenerEndpointRegistry endpoints, MeterRegistry meters, AnswerTracing tracing) {
        this.provider = provider;
        this.tracing = tracing;
        this.executor = AnswerTracing.propagating(Executors.newVirtualThreadPerTaskExecutor());
        this.publisher = publisher;
        this.properties = properties;
        this.endpoints = endpoints;
        this.registry = new RequestRegistry(properties.dedupCapacity());
        this.slots = new Semaphore(properties.maxInFlight());
        this.metrics = new WorkerMetrics(meters, () -> properties.maxInFlight() - slots.availablePermits(),
                outstanding::get);
    }

    /** A request arrived (consumer thread): accept it, or drop it as a duplicate / stale delivery. */
    void request(EventEnvelope<?> envelope, LlmRequest request, TopicPartition partition, long offset,
                 Acknowledgment ack) {
        offsets.received(partition, offset, ack);
        if (envelope.occurredAt().isBefore(Instant.now().minus(properties.maxRequestAge()))) {
            log.info("Dropping request {}: older than {}", request.requestId(), properties.maxRequestAge());
            metrics.skipped("stale");
            offsets.done(partition, offset, ack);
            return;
        }
        Generation generation = new Generation(envelope, request, partition, offset, ack);
        switch (registry.claim(generation)) {
            case ACCEPTED -> submit(generation);
            case CANCELLED_BEFORE_START -> {
                generation.traced(tracing.currentHeaders()); // its only event: in the request's receive span
                generation.endCancelled(publisher);
                offsets.done(partition, offset, ack);
            }
            case RUNNING, FINISHED -> {
                log.info("Dropping duplicate delivery of request {}", request.requestId());
                metrics.skipped("duplicate");
                offsets.done(partition, offset, ack);
            }
        }
    }

    /** A cancel arrived (consumer thread): stop the request if it runs here, else remember it. */
    void cancel(String requestId, TopicPartition partition, long offset, Acknowledgment ack) {
        offsets.received(partition, offset, ack);
        registry.cancel(requestId);
        offsets.done(partition, offset, ack);
    }

    /**
     * Partitions are being revoked (rebalance or shutdown; consumer thread): their running generations get
     * {@code llm.worker.handoff-grace} to finish, the rest are stopped without an outcome and handed back — their
     * offsets were not committed, so the partition's next owner receives and answers them again.
     */
    void handBack(Collection<TopicPartition> partitions) {
        List<Generation> affected = registry.runningSnapshot().stream()
                .filter(generation -> partitions.contains(generation.partition())).toList();
        if (!affected.isEmpty()) {
            try {
                CompletableFuture.allOf(affected.stream().map(Generation::outcome).toArray(CompletableFuture[]::new))
                        .get(properties.handoffGrace().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.info("Handing back unfinished requests of {}", partitions);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("A generation ended abnormally during hand-back", e);
            }
            affected.stream().filter(generation -> !generation.outcome().isDone()).forEach(generation -> {
                generation.handBack();
                registry.released(generation);
            });
        }
        offsets.revoked(partitions);
    }

    private void submit(Generation generation) {
        if (outstanding.incrementAndGet() >= properties.maxQueued()) {
            setPaused(true);
        }
        executor.execute(() -> run(generation));
    }

    private void run(Generation generation) {
        long start = System.nanoTime();
        Generation.Outcome outcome = null;
        boolean acquired = false;
        String task = generation.request().task() == null ? "unknown"
                : generation.request().task().name().toLowerCase(Locale.ROOT);
        AnswerTracing.AnswerSpan span = tracing.start(provider.name(), task);
        generation.traced(span.headers());
        try {
            generation.cancellation().bind(Thread.currentThread());
            slots.acquire();
            acquired = true;
            outcome = generation.run(provider, publisher);
        } catch (InterruptedException e) {
            Thread.interrupted();
            outcome = generation.endCancelled(publisher);
        } catch (RuntimeException e) {
            log.error("Generation of request {} crashed", generation.requestId(), e);
        } finally {
            if (acquired) {
                slots.release();
            }
            span.outcome(outcome == null ? Generation.Outcome.FAILED : outcome);
            span.close();
            finish(generation, task, outcome, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private void finish(Generation generation, String task, Generation.Outcome outcome, Duration duration) {
        if (outcome == Generation.Outcome.HANDED_BACK) {
            registry.released(generation);
        } else {
            registry.finished(generation);
            offsets.done(generation.partition(), generation.offset(), generation.ack());
        }
        generation.outcome().complete(outcome == null ? Generation.Outcome.FAILED : outcome);
        metrics.generation(provider.name(), task, outcome == null ? Generation.Outcome.FAILED : outcome, duration,
                generation.firstChunkNanos());
        if (outstanding.decrementAndGet() <= properties.maxQueued() / 2 && paused) {
            setPaused(false);
        }
    }

    private synchronized void setPaused(boolean pause) {
        MessageListenerContainer container = endpoints.getListenerContainer(LISTENER_ID);
        if (container == null || paused == pause) {
            return;
        }
        paused = pause;
        if (pause) {
            log.info("Pausing llm.requests: {} requests outstanding", outstanding.get());
            container.pause();
        } else {
            log.info("Resuming llm.requests");
            container.resume();
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
