package com.cvchat.gateway.breaker;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceBreakerTest {

    private final AtomicLong now = new AtomicLong();
    private final ServiceBreaker breaker = new ServiceBreaker(3, Duration.ofSeconds(10), now::get);

    @Test
    void shouldOpenAfterConsecutiveFailuresAndRefuseUntilTheTrial() {
        breaker.failed();
        breaker.failed();
        assertThat(breaker.tryPass()).isTrue();
        breaker.failed();
        assertThat(breaker.tryPass()).isFalse();
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        assertThat(breaker.tryPass()).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.tryPass()).as("one trial after the open period").isTrue();
        assertThat(breaker.tryPass()).as("only one").isFalse();
        breaker.succeeded();
        assertThat(breaker.tryPass()).isTrue();
        assertThat(breaker.isOpen()).isFalse();
    }

    @Test
    void shouldOpenAgainAtOnceWhenTheTrialFails() {
        for (int i = 0; i < 3; i++) {
            breaker.failed();
        }
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(breaker.tryPass()).isTrue();
        breaker.failed();
        assertThat(breaker.tryPass()).isFalse();
    }

    @Test
    void shouldResetTheCountOnSuccess() {
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.tryPass()).isTrue();
    }
}
