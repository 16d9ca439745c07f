package com.cvchat.llmworker.provider;

import com.cvchat.events.llm.LlmRequest;

/**
 * One generation: the request, the user who asked (for key lookup), where chunks go, and how to stop.
 *
 * @param request      the request as published
 * @param userId       the user of the request's envelope (may be null)
 * @param sink         receives each piece of text as the model produces it
 * @param cancellation fires when the request is cancelled or handed back
 */
public record GenerationCall(LlmRequest request, String userId, ChunkSink sink, Cancellation cancellation) {
}
