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
 * @param chunkWindow   answer pieces are joined into one chunk while they come faster than this: a piece goes out at
 *                      once when the last chunk left at least this long ago (the first piece always does), else it
 *                      waits until then; zero sends every piece as it comes
 * @param chunkMaxBytes a held chunk goes out as soon as it reaches this size
 */
@ConfigurationProperties("llm.worker")
public record WorkerProperties(
        Integer maxInFlight,
        Integer maxQueued,
        Duration handoffGrace,
        Integer dedupCapacity,
        Duration maxRequestAge,
        Duration chunkWindow,
        Integer chunkMaxBytes) {

    public WorkerProperties {
        maxInFlight = maxInFlight == null ? 64 : maxInFlight;
        maxQueued = maxQueued == null ? 256 : Math.max(maxQueued, maxInFlight);
        handoffGrace = handoffGrace == null ? Duration.ofSeconds(5) : handoffGrace;
        dedupCapacity = dedupCapacity == null ? 10_000 : dedupCapacity;
        maxRequestAge = maxRequestAge == null ? Duration.ofMinutes(10) : maxRequestAge;
        chunkWindow = chunkWindow == null ? Duration.ofMillis(100) : chunkWindow;
        chunkMaxBytes = chunkMaxBytes == null ? 1024 : chunkMaxBytes;
    }
}
