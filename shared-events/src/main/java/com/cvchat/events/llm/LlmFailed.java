package com.cvchat.events.llm;

import com.cvchat.events.WireType;

/**
 * The unsuccessful end of a request. Errors are values: a failed model call is this event, never an answer-like text.
 *
 * @param reason     machine-readable reason
 * @param message    a short human-readable explanation (no secrets)
 * @param retryable  whether sending the same request again may succeed
 * @param partialText what had been streamed before the failure ("" if nothing)
 */
@WireType(name = "llm.failed", version = 1)
public record LlmFailed(
        String requestId,
        String origin,
        FailureReason reason,
        String message,
        boolean retryable,
        String partialText) implements LlmResponseEvent {
}
