package com.cvchat.platform.limits;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sliding windows kept in this instance's memory: for a service without a store (voice-service), and for tests.
 * N instances allow N× the limit and a restart forgets; {@link MongoUsageCounter} does not.
 */
final class InMemoryUsageCounter implements UsageCounter {

    private static final int MAX_USERS = 100_000;

    private final ModelLimitsProperties properties;
    private final LongSupplier nanoTime;
    private final long windowNanos;
    private final Map<String, UserWindow> users = new ConcurrentHashMap<>();

    InMemoryUsageCounter(ModelLimitsProperties properties, LongSupplier nanoTime) {
        this.properties = properties;
        this.nanoTime = nanoTime;
        this.windowNanos = properties.window().toNanos();
    }

    @Override
    public void acquire(String userId) {
        long now = nanoTime.getAsLong();
        if (users.size() > MAX_USERS) {
            users.values().removeIf(w -> w.idle(now));
        }
        users.computeIfAbsent(userId, id -> new UserWindow()).acquire(now);
    }

    @Override
    public void record(String userId, int tokens) {
        users.computeIfAbsent(userId, id -> new UserWindow()).use(nanoTime.getAsLong(), tokens);
    }

    private final class UserWindow {
        private final Deque<Long> requests = new ArrayDeque<>();
        private final Deque<long[]> tokens = new ArrayDeque<>();
        private long tokensInWindow;

        synchronized void acquire(long now) {
            expire(now);
            if (requests.size() >= properties.requestsPerMinute()) {
                throw new ModelLimitExceededException(properties.requestsPerMinute() + " AI requests per minute",
                        Duration.ofNanos(requests.peekFirst() + windowNanos - now));
            }
            if (tokensInWindow >= properties.tokensPerMinute()) {
                throw new ModelLimitExceededException(properties.tokensPerMinute() + " AI tokens per minute",
                        Duration.ofNanos(untilTokensFree(now)));
            }
            requests.addLast(now);
        }

        synchronized void use(long now, int count) {
            expire(now);
            tokens.addLast(new long[]{now, count});
            tokensInWindow += count;
        }

        synchronized boolean idle(long now) {
            expire(now);
            return requests.isEmpty() && tokens.isEmpty();
        }

        /** How long until enough old usage leaves the window to bring the total below the limit. */
        private long untilTokensFree(long now) {
            long remaining = tokensInWindow;
            for (long[] use : tokens) {
                remaining -= use[1];
                if (remaining < properties.tokensPerMinute()) {
                    return use[0] + windowNanos - now;
                }
            }
            return windowNanos;
        }

        private void expire(long now) {
            while (!requests.isEmpty() && now - requests.peekFirst() >= windowNanos) {
                requests.removeFirst();
            }
            while (!tokens.isEmpty() && now - tokens.peekFirst()[0] >= windowNanos) {
                tokensInWindow -= tokens.removeFirst()[1];
            }
        }
    }
}
