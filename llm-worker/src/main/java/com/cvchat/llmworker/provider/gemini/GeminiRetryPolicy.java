package com.cvchat.llmworker.provider.gemini;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.RetryBudget;
import com.cvchat.llmworker.provider.RetryDecision;
import com.google.genai.errors.ApiException;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Locale;

/**
 * What to do after a failed Gemini attempt. Bounded: at most {@code maxAttempts}, never past {@code totalTimeout}.
 * A 429 waits the server's {@code retryDelay} (when it fits the budget); a per-day quota is never retried; 500/502/
 * 503/504 and connection failures back off exponentially; other 4xx fail at once; and once part of the answer has
 * been streamed nothing is retried (the chunks are already out) — the request fails with what was streamed.
 */
final class GeminiRetryPolicy {

    private final RetryBudget budget;

    GeminiRetryPolicy(GeminiProperties properties) {
        this.budget = new RetryBudget(properties.maxAttempts(), properties.initialBackoff(), properties.maxBackoff(),
                properties.totalTimeout());
    }

    RetryDecision decide(RuntimeException error, boolean streamed, int attempt, Duration elapsed) {
        if (error instanceof LlmFailure failure) {
            return RetryDecision.fail(failure);
        }
        boolean timeout = causedBy(error, InterruptedIOException.class);
        if (streamed) {
            return timeout
                    ? RetryDecision.fail(FailureReason.TIMEOUT, true, "Gemini stopped sending in the middle of the answer")
                    : RetryDecision.fail(FailureReason.PROVIDER_ERROR, true, "The Gemini stream broke off: " + describe(error));
        }
        if (error instanceof GeminiHttpError http) {
            return http(http.code(), http.errorMessage(), http.retryDelay(), http.perDayQuota(), attempt, elapsed);
        }
        if (error instanceof ApiException api) {
            return http(api.code(), api.message(), null, false, attempt, elapsed);
        }
        if (causedBy(error, IOException.class)) {
            return backoff(attempt, elapsed, timeout ? FailureReason.TIMEOUT : FailureReason.PROVIDER_UNAVAILABLE,
                    timeout ? "Gemini did not answer in time" : "Gemini could not be reached: " + describe(error));
        }
        return RetryDecision.fail(FailureReason.PROVIDER_ERROR, true, "The Gemini call failed: " + describe(error));
    }

    private RetryDecision http(int code, String message, Duration retryDelay, boolean perDay, int attempt,
                          Duration elapsed) {
        String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (code == 429) {
            if (perDay) {
                return RetryDecision.fail(FailureReason.QUOTA_EXHAUSTED, false,
                        "The daily Gemini quota is used up; try again tomorrow");
            }
            Duration delay = retryDelay != null ? retryDelay : budget.backoff(attempt);
            if (!budget.allows(attempt, elapsed, delay)) {
                return RetryDecision.fail(FailureReason.RATE_LIMITED, true,
                        "Gemini rate limit; retry in " + Math.max(1, delay.toSeconds()) + "s");
            }
            return RetryDecision.retryAfter(delay);
        }
        if (code == 401 || code == 403 || (code == 400 && lower.contains("api key"))) {
            return RetryDecision.fail(FailureReason.API_KEY_INVALID, false, "The Gemini API key was rejected");
        }
        if (code == 500 || code == 502 || code == 503) {
            return backoff(attempt, elapsed, FailureReason.PROVIDER_UNAVAILABLE,
                    "Gemini is unavailable (HTTP " + code + ")");
        }
        if (code == 504) {
            return backoff(attempt, elapsed, FailureReason.TIMEOUT, "Gemini timed out (HTTP 504)");
        }
        return RetryDecision.fail(FailureReason.INVALID_REQUEST, false, "Gemini rejected the request (HTTP " + code + "): "
                + message);
    }

    private RetryDecision backoff(int attempt, Duration elapsed, FailureReason reason, String message) {
        Duration delay = budget.backoff(attempt);
        return budget.allows(attempt, elapsed, delay) ? RetryDecision.retryAfter(delay) : RetryDecision.fail(reason, true, message);
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : " (" + root.getMessage() + ")");
    }
}
