package com.cvchat.auth.token;

import com.cvchat.auth.AuthProperties;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per account and per client address in fixed windows; past the limit, further attempts are
 * refused (without checking the password) until the window ends. A successful login clears the account's count.
 * In memory, per instance: behind several instances the effective limit is the sum (documented).
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Window> failures = new ConcurrentHashMap<>();
    private final AuthProperties.LoginThrottle limits;
    private final Clock clock;

    LoginThrottle(AuthProperties properties, Clock clock) {
        this.limits = properties.loginThrottle();
        this.clock = clock;
    }

    /** How long the caller must wait, when either the account or the address is over its limit. */
    Optional<Duration> retryAfter(String account, String address) {
        Instant now = clock.instant();
        return Optional.ofNullable(blockedFor("account:" + account, limits.maxFailuresPerAccount(), now)
                .orElse(blockedFor("address:" + address, limits.maxFailuresPerAddress(), now).orElse(null)));
    }

    void failed(String account, String address) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(w -> w.endsBefore(now, limits.window()));
        }
        failures.merge("account:" + account, new Window(now, 1), (old, one) -> old.plusOne(now, limits.window()));
        failures.merge("address:" + address, new Window(now, 1), (old, one) -> old.plusOne(now, limits.window()));
    }

    void succeeded(String account) {
        failures.remove("account:" + account);
    }

    private Optional<Duration> blockedFor(String key, int max, Instant now) {
        Window window = failures.get(key);
        if (window == null || window.count() < max || window.endsBefore(now, limits.window())) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, window.start().plus(limits.window())));
    }

    private record Window(Instant start, int count) {
        boolean endsBefore(Instant now, Duration length) {
            return !start.plus(length).isAfter(now);
        }

        Window plusOne(Instant now, Duration length) {
            return endsBefore(now, length) ? new Window(now, 1) : new Window(start, count + 1);
        }
    }
}
