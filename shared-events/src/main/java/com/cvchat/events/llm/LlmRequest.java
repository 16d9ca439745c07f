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
 * @param replyTo           where the answer goes (the asking instance's reply partition); the worker publishes nowhere else
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
        JsonNode responseSchema,
        ReplyTo replyTo) implements LlmRequestEvent {

    public LlmRequest {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A request without its reply address yet ({@link #to(ReplyTo)} adds it before it is sent). */
    public LlmRequest(String requestId, String origin, LlmTask task, String systemInstruction, List<ChatTurn> history,
                      String prompt, JsonNode context, JsonNode responseSchema) {
        this(requestId, origin, task, systemInstruction, history, prompt, context, responseSchema, null);
    }

    /** This request, answered at {@code address}. */
    public LlmRequest to(ReplyTo address) {
        return new LlmRequest(requestId, origin, task, systemInstruction, history, prompt, context, responseSchema,
                address);
    }
}
