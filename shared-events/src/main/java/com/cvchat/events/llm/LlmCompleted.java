package com.cvchat.events.llm;

import com.cvchat.events.WireType;
import tools.jackson.databind.JsonNode;

/**
 * The successful end of a request.
 *
 * @param text       the full answer (the concatenation of every chunk)
 * @param chunkCount how many chunks were sent before this event
 * @param usage      token usage
 * @param structured the structured result when the request asked for one ({@code responseSchema}); else null
 * @param provider   which provider answered ({@code gemini}, {@code offline}, {@code openai-compatible})
 */
@WireType(name = "llm.completed", version = 1)
public record LlmCompleted(
        String requestId,
        String origin,
        String text,
        long chunkCount,
        TokenUsage usage,
        JsonNode structured,
        String provider) implements LlmResponseEvent {
}
