package com.cvchat.llmworker.dispatch;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the worker consumes {@code llm.requests}.
 *
 * @param maxInFlight   generations running at once on this instance (each on its own virtual thread)
 * @param maxQueued     accepted but unfinished requests (running + waiting) before the consumer is paused
 * @param handoffGrace  on rebalance or shutdown, how long running generations of revoked partitions may finish
 *                      before they are stopped and handed back (the new owner generates them again)
 * @param dedupCapacity how many finished request ids are remembered to drop duplicate deliveries
 * @param maxRequestAge requests older than this when they arrive are dropped (nobody waits for them any more)
 */
@ConfigurationProperties("llm.worker")
public record WorkerProperties(
        Integer maxInFlight,
        Integer maxQueued,
        Duration handoffGrace,
        Integer dedupCapacity,
        Duration maxRequestAge) {

    public WorkerProperties {
        maxInFlight = maxInFlight == null ? 64 : maxInFlight;
        maxQueued = maxQueued == null ? 256 : Math.max(maxQueued, maxInFlight);
        handoffGrace = handoffGrace == null ? Duration.ofSeconds(5) : handoffGrace;
        dedupCapacity = dedupCapacity == null ? 10_000 : dedupCapacity;
        maxRequestAge = maxRequestAge == null ? Duration.ofMinutes(10) : maxRequestAge;
    }
}
