package com.cvchat.events.llm;

/** Token counts reported by the model (zeros where a provider reports none). */
public record TokenUsage(int promptTokens, int outputTokens, int totalTokens) {
    public static final TokenUsage NONE = new TokenUsage(0, 0, 0);
}
