package com.cvchat.llmworker.provider;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.FailureReason;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The answer of a {@code responseSchema} request: the parsed object, and the text that stands for it in chunks and
 * in {@code LlmCompleted.text} (its {@code message} field when it has one, as the {@code cv_turn} contract says).
 */
public record StructuredAnswer(JsonNode structured, String text) {

    public static StructuredAnswer parse(String json) {
        JsonNode node;
        try {
            node = EventJson.mapper().readTree(stripFence(json));
        } catch (JacksonException e) {
            throw new LlmFailure(FailureReason.PROVIDER_ERROR, true, "The model did not answer with valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new LlmFailure(FailureReason.PROVIDER_ERROR, true, "The model did not answer with a JSON object");
        }
        return of(node);
    }

    public static StructuredAnswer of(JsonNode node) {
        JsonNode message = node.get("message");
        String text = message != null && message.isString() ? message.asString() : node.toString();
        return new StructuredAnswer(node, text);
    }

    private static String stripFence(String json) {
        String text = json.strip();
        if (text.startsWith("```")) {
            text = text.replaceFirst("^```[a-zA-Z]*\\s*", "").replaceFirst("\\s*```$", "");
        }
        return text;
    }
}
