package com.cvchat.platform.limits;

import com.cvchat.events.llm.TokenUsage;

import java.util.function.LongSupplier;

/**
 * Per-user requests-per-minute and tokens-per-minute on model usage. {@link #acquire} is called before an
 * {@code LlmRequest} is published (and throws {@link ModelLimitExceededException} instead), {@link #recordUsage} when a
 * completion reports its token usage. Counted in the service's MongoDB ({@link MongoUsageCounter}: every instance
 * shares the counts and a restart keeps them) where the service has one, else in memory.
 */
public class ModelUsageLimits {

    private final ModelLimitsProperties properties;
    private final UsageCounter counter;

    /** Counted in this instance's memory. */
    public ModelUsageLimits(ModelLimitsProperties properties, LongSupplier nanoTime) {
        this(properties, new InMemoryUsageCounter(properties, nanoTime));
    }

    ModelUsageLimits(ModelLimitsProperties properties, UsageCounter counter) {
        this.properties = properties;
        this.counter = counter;
    }

    /** Counts one model request of {@code userId}, or throws a 429 when the user is over a limit. */
    public void acquire(String userId) {
        if (properties.enabled()) {
            counter.acquire(userId);
        }
    }

    /** Adds the tokens a completed model answer of {@code userId} used. */
    public void recordUsage(String userId, TokenUsage usage) {
        if (!properties.enabled() || usage == null || userId == null) {
            return;
        }
        int tokens = usage.totalTokens() > 0 ? usage.totalTokens() : usage.promptTokens() + usage.outputTokens();
        if (tokens > 0) {
            counter.record(userId, tokens);
        }
    }
}
