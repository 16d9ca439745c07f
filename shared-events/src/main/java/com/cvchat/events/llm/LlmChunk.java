package com.cvchat.events.llm;

import com.cvchat.events.WireType;

/**
 * A piece of a streamed answer.
 *
 * @param sequence 0, 1, 2 … in the order the model produced them
 */
@WireType(name = "llm.chunk", version = 1)
public record LlmChunk(String requestId, String origin, long sequence, String text) implements LlmResponseEvent {
}
