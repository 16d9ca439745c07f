package com.cvchat.gateway.ratelimit;

import com.cvchat.gateway.GatewayProperties;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * In-memory token buckets, one per key: each request takes a token, tokens come back at a steady rate up to the
 * capacity. Per gateway instance; buckets that refilled completely are forgotten when the map grows.
 */
public class TokenBuckets {

    private static final int MAX_KEYS = 100_000;

    private final long capacity;
    private final double refillPerNano;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public TokenBuckets(GatewayProperties.Bucket settings, LongSupplier nanoTime) {
        this.capacity = settings.capacity();
        this.refillPerNano = settings.refillPerSecond() / 1e9;
        this.nanoTime = nanoTime;
    }

    /** Zero when {@code key} may go on (a token was taken), else how long until the next token. */
    public Duration take(String key) {
        if (capacity <= 0) {
            return Duration.ZERO;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_KEYS) {
            buckets.values().removeIf(b -> b.isFull(now));
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, now));
        return bucket.take(now);
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.updated = now;
        }

        synchronized Duration take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - tokens) / refillPerNano));
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * refillPerNano);
            updated = now;
        }
    }
}
