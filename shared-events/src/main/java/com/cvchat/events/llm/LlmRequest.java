package com.cvchat.events.llm;

import com.cvchat.events.WireType;
import tools.jackson.databind.JsonNode;

import java.util.List;

/**
 * A request for the model. Never carries an API key: the worker looks the user's key up at call time.
 *
 * @param requestId         unique id; the worker de-duplicates on it and every answer event carries it
 * @param origin            the service that asks ({@code chat}, {@code cv}, {@code voice}); answers carry it back
 * @param task              what to do
 * @param systemInstruction the system instruction (personality, builder instructions); may be null
 * @param history           recent earlier turns, oldest first (the window is chosen by the caller)
 * @param prompt            the new user message
 * @param context           task-specific structured input (for {@code cv_turn}: {@code doc_type}, {@code data}); may be null
 * @param responseSchema    JSON schema the answer must follow (structured output); null for free text
 */
@WireType(name = "llm.request", version = 1)
public record LlmRequest(
        String requestId,
        String origin,
        LlmTask task,
        String systemInstruction,
        List<ChatTurn> history,
        String prompt,
        JsonNode context,
        JsonNode responseSchema) implements LlmRequestEvent {

    public LlmRequest {
        history = history == null ? List.of() : List.copyOf(history);
    }
}
