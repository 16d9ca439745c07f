package com.cvchat.platform.limits;

/** Where {@link ModelUsageLimits} counts each user's model requests and tokens. */
interface UsageCounter {

    /** Counts one model request of {@code userId}, or throws {@link ModelLimitExceededException} when over a limit. */
    void acquire(String userId);

    /** Adds {@code tokens} (positive) used by a completed answer of {@code userId}. */
    void record(String userId, int tokens);
}
