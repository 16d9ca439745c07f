package com.cvchat.platform.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Per-user limits on model usage, checked before a service publishes an {@code LlmRequest}
 * ({@code platform.model-limits.*}, env {@code PLATFORM_MODEL_LIMITS_*}).
 *
 * @param enabled           off: every request goes through
 * @param requestsPerMinute model requests one user may start in any sliding {@code window}
 * @param tokensPerMinute   model tokens (the {@code total_tokens} of completed answers) one user may use in any window;
 *                          once reached, new requests wait until old usage leaves the window
 * @param window            the sliding window (one minute)
 */
@ConfigurationProperties("platform.model-limits")
public record ModelLimitsProperties(Boolean enabled, Integer requestsPerMinute, Integer tokensPerMinute,
                                    Duration window) {

    public static final int DEFAULT_REQUESTS_PER_MINUTE = 20;
    public static final int DEFAULT_TOKENS_PER_MINUTE = 100_000;

    public ModelLimitsProperties {
        enabled = enabled == null || enabled;
        requestsPerMinute = requestsPerMinute == null ? DEFAULT_REQUESTS_PER_MINUTE : requestsPerMinute;
        tokensPerMinute = tokensPerMinute == null ? DEFAULT_TOKENS_PER_MINUTE : tokensPerMinute;
        window = window == null ? Duration.ofMinutes(1) : window;
    }
}
