package com.cvchat.llmworker.provider;

import com.cvchat.events.llm.TokenUsage;
import tools.jackson.databind.JsonNode;

/**
 * The successful end of a generation.
 *
 * @param text       the full answer (for structured requests: the {@code message} of the object, else its JSON)
 * @param usage      token usage ({@link TokenUsage#NONE} when the provider reports none)
 * @param structured the parsed object of a {@code responseSchema} request, else null
 */
public record ProviderResult(String text, TokenUsage usage, JsonNode structured) {

    public ProviderResult {
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
