package com.cvchat.platform.limits;

import com.cvchat.events.llm.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelUsageLimitsTest {

    private final AtomicLong clock = new AtomicLong();
    private final ModelUsageLimits limits = new ModelUsageLimits(
            new ModelLimitsProperties(true, 3, 1000, Duration.ofMinutes(1)), clock::get);

    private void advance(Duration by) {
        clock.addAndGet(by.toNanos());
    }

    @Test
    void shouldRefuseTheRequestBeyondTheLimitPerMinuteAndSayWhenToRetry() {
        limits.acquire("ann");
        advance(Duration.ofSeconds(20));
        limits.acquire("ann");
        limits.acquire("ann");
        assertThatThrownBy(() -> limits.acquire("ann"))
                .isInstanceOfSatisfying(ModelLimitExceededException.class, e -> {
                    assertThat(e.status().value()).isEqualTo(429);
                    assertThat(e.retryAfterSeconds()).isEqualTo(40);
                    assertThat(e.getMessage()).isEqualTo(
                            "You have used your limit of 3 AI requests per minute. Try again in 40 seconds.");
                });
        assertThatCode(() -> limits.acquire("bob")).as("another user has a limit of their own")
                .doesNotThrowAnyException();
        advance(Duration.ofSeconds(40));
        assertThatCode(() -> limits.acquire("ann")).as("the first request left the window")
                .doesNotThrowAnyException();
    }

    @Test
    void shouldRefuseNewRequestsOnceTheTokensOfTheWindowAreUsed() {
        limits.acquire("ann");
        limits.recordUsage("ann", new TokenUsage(400, 200, 600));
        advance(Duration.ofSeconds(30));
        limits.acquire("ann");
        limits.recordUsage("ann", new TokenUsage(0, 0, 500));
        assertThatThrownBy(() -> limits.acquire("ann"))
                .isInstanceOfSatisfying(ModelLimitExceededException.class, e -> {
                    assertThat(e.getMessage()).contains("1000 AI tokens per minute");
                    assertThat(e.retryAfterSeconds()).as("until the first 600 tokens leave the window").isEqualTo(30);
                });
        advance(Duration.ofSeconds(30));
        assertThatCode(() -> limits.acquire("ann")).doesNotThrowAnyException();
    }

    @Test
    void shouldLetEverythingThroughWhenDisabled() {
        ModelUsageLimits on = new ModelUsageLimits(new ModelLimitsProperties(true, 1, 1, null), clock::get);
        ModelUsageLimits off = new ModelUsageLimits(new ModelLimitsProperties(false, 1, 1, null), clock::get);
        on.acquire("ann");
        assertThatThrownBy(() -> on.acquire("ann")).as("the same limits switched on refuse the second request")
                .isInstanceOf(ModelLimitExceededException.class);

        assertThatCode(() -> {
            for (int i = 0; i < 10; i++) {
                off.acquire("ann");
                off.recordUsage("ann", new TokenUsage(10, 10, 20));
            }
        }).as("switched off: ten requests and their tokens, far over both limits").doesNotThrowAnyException();
    }
}
