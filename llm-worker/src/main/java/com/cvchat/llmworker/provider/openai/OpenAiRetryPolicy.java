package com.cvchat.llmworker.provider.openai;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.RetryBudget;
import com.cvchat.llmworker.provider.RetryDecision;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** Retries 429 (after {@code Retry-After}), 5xx and connection failures within the budget; nothing after streaming. */
final class OpenAiRetryPolicy {

    private final RetryBudget budget;

    OpenAiRetryPolicy(OpenAiProperties properties) {
        this.budget = new RetryBudget(properties.maxAttempts(), properties.initialBackoff(),
                properties.totalTimeout().dividedBy(2), properties.totalTimeout());
    }

    RetryDecision decide(RuntimeException error, boolean streamed, int attempt, Duration elapsed) {
        if (error instanceof LlmFailure failure) {
            return RetryDecision.fail(failure);
        }
        boolean timeout = error instanceof StreamIdle || error.getCause() instanceof SocketTimeoutException;
        if (streamed) {
            return timeout ? RetryDecision.fail(FailureReason.TIMEOUT, true, "The model stopped sending mid-answer")
                    : RetryDecision.fail(FailureReason.PROVIDER_ERROR, true, "The model stream broke off");
        }
        if (error instanceof OpenAiHttpError http) {
            return http(http, attempt, elapsed);
        }
        if (timeout || error.getCause() instanceof IOException) {
            FailureReason reason = timeout ? FailureReason.TIMEOUT : FailureReason.PROVIDER_UNAVAILABLE;
            return retry(attempt, elapsed, budget.backoff(attempt), reason,
                    timeout ? "The model server did not answer in time" : "The model server could not be reached");
        }
        return RetryDecision.fail(FailureReason.PROVIDER_ERROR, true, "The model call failed");
    }

    private RetryDecision http(OpenAiHttpError http, int attempt, Duration elapsed) {
        int status = http.status();
        if (status == 429) {
            Duration delay = http.retryAfter() != null ? http.retryAfter() : budget.backoff(attempt);
            return retry(attempt, elapsed, delay, FailureReason.RATE_LIMITED, "The model server is rate limiting");
        }
        if (status == 401 || status == 403) {
            return RetryDecision.fail(FailureReason.API_KEY_INVALID, false, "The model server rejected the API key");
        }
        if (status >= 500) {
            return retry(attempt, elapsed, budget.backoff(attempt),
                    status == 504 ? FailureReason.TIMEOUT : FailureReason.PROVIDER_UNAVAILABLE,
                    "The model server is unavailable (HTTP " + status + ")");
        }
        return RetryDecision.fail(FailureReason.INVALID_REQUEST, false,
                "The model server rejected the request (HTTP " + status + "): " + http.getMessage());
    }

    private RetryDecision retry(int attempt, Duration elapsed, Duration delay, FailureReason reason, String message) {
        return budget.allows(attempt, elapsed, delay) ? RetryDecision.retryAfter(delay)
                : RetryDecision.fail(reason, true, message);
    }

    /** No response headers, or silence in the stream, for longer than the read timeout. */
    static final class StreamIdle extends RuntimeException {
        StreamIdle() {
            super("stream idle", null, false, false);
        }
    }
}
