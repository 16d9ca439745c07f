package com.cvchat.llmworker.provider.openai;

import java.time.Duration;

/** A non-2xx answer of an OpenAI-compatible server ({@code retryAfter} from its {@code Retry-After} header). */
final class OpenAiHttpError extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    OpenAiHttpError(int status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    int status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
