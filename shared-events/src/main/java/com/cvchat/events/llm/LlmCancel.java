package com.cvchat.events.llm;

import com.cvchat.events.WireType;

/**
 * Stop a running request. Published on {@code llm.requests} with the same key as the request,
 * so it reaches the worker instance that owns the request's partition.
 */
@WireType(name = "llm.cancel", version = 1)
public record LlmCancel(String requestId, String reason) implements LlmRequestEvent {
}
