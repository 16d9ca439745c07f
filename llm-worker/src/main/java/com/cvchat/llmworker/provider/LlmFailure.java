package com.cvchat.llmworker.provider;

import com.cvchat.events.llm.FailureReason;

/** A model call that failed for a known reason; becomes an {@code llm.failed} event. Messages never carry secrets. */
public class LlmFailure extends RuntimeException {

    private final FailureReason reason;
    private final boolean retryable;

    public LlmFailure(FailureReason reason, boolean retryable, String message) {
        super(message);
        this.reason = reason;
        this.retryable = retryable;
    }

    public LlmFailure(FailureReason reason, boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.retryable = retryable;
    }

    public FailureReason reason() {
        return reason;
    }

    public boolean retryable() {
        return retryable;
    }
}
