package com.cvchat.auth.token;

import com.cvchat.auth.AuthProperties;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LoginThrottleTest {

    private final SigningKeysTest.MutableClock clock = new SigningKeysTest.MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new AuthProperties(null, null, Path.of("x"), null, null, null,
            null, null, null, new AuthProperties.LoginThrottle(3, 5, Duration.ofMinutes(10))), clock);

    @Test
    void shouldBlockAnAccountAfterTheLimitUntilTheWindowEnds() {
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.retryAfter("a@x.org", "10.0.0.1")).isEmpty();
            throttle.failed("a@x.org", "10.0.0.1");
        }
        assertThat(throttle.retryAfter("a@x.org", "10.0.0.9")).contains(Duration.ofMinutes(10));
        clock.advance(Duration.ofMinutes(4));
        assertThat(throttle.retryAfter("a@x.org", "10.0.0.9")).contains(Duration.ofMinutes(6));
        clock.advance(Duration.ofMinutes(6));
        assertThat(throttle.retryAfter("a@x.org", "10.0.0.9")).isEmpty();
    }

    @Test
    void shouldBlockAnAddressThatTriesManyAccounts() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i + "@x.org", "10.0.0.2");
        }
        assertThat(throttle.retryAfter("someone-new@x.org", "10.0.0.2")).isPresent();
        assertThat(throttle.retryAfter("someone-new@x.org", "10.0.0.3")).isEmpty();
    }

    @Test
    void shouldForgetAnAccountsFailuresAfterASuccessfulLogin() {
        throttle.failed("b@x.org", "10.0.0.4");
        throttle.failed("b@x.org", "10.0.0.4");
        throttle.succeeded("b@x.org");
        throttle.failed("b@x.org", "10.0.0.4");
        throttle.failed("b@x.org", "10.0.0.4");
        assertThat(throttle.retryAfter("b@x.org", "10.0.0.5")).isEmpty();
    }
}
