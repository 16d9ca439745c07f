package com.cvchat.llmworker.provider;

import java.time.Duration;

/**
 * The bounds of retrying one model call: at most {@code maxAttempts} tries, exponential backoff from
 * {@code initialBackoff} capped at {@code maxBackoff}, and never a wait that would end past {@code totalTimeout}.
 */
public record RetryBudget(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration totalTimeout) {

    /** initialBackoff × 2^(attempt−1), capped at maxBackoff. */
    public Duration backoff(int attempt) {
        Duration delay = initialBackoff.multipliedBy(1L << Math.min(Math.max(attempt - 1, 0), 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** Whether another try after waiting {@code delay} stays within the attempts and the time cap. */
    public boolean allows(int attempt, Duration elapsed, Duration delay) {
        return attempt < maxAttempts && delay.compareTo(maxBackoff) <= 0
                && elapsed.plus(delay).compareTo(totalTimeout) < 0;
    }
}
