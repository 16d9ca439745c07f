package com.cvchat.llmworker.provider;

import com.cvchat.events.llm.FailureReason;

import java.time.Duration;

/** After a failed attempt: wait {@code delay} and try again, or give up with {@code failure}. */
public record RetryDecision(Duration delay, LlmFailure failure) {

    public static RetryDecision retryAfter(Duration delay) {
        return new RetryDecision(delay, null);
    }

    public static RetryDecision fail(FailureReason reason, boolean retryable, String message) {
        return new RetryDecision(null, new LlmFailure(reason, retryable, message));
    }

    public static RetryDecision fail(LlmFailure failure) {
        return new RetryDecision(null, failure);
    }

    public boolean retry() {
        return failure == null;
    }
}
