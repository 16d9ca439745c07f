package com.cvchat.gateway.ratelimit;

import com.cvchat.gateway.GatewayProperties;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    private final AtomicLong now = new AtomicLong();
    private final TokenBuckets buckets = new TokenBuckets(new GatewayProperties.Bucket(2, 1), now::get);

    @Test
    void shouldAllowABurstThenRefillAtTheRate() {
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("a")).isEqualTo(Duration.ofSeconds(1));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buckets.take("a")).isEqualTo(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(buckets.take("a")).isZero();
        assertThat(buckets.take("b")).as("keys are independent").isZero();
    }

    @Test
    void shouldNeverHoldMoreThanTheCapacity() {
        now.addAndGet(Duration.ofHours(1).toNanos());
        buckets.take("c");
        buckets.take("c");
        assertThat(buckets.take("c")).isPositive();
    }
}
