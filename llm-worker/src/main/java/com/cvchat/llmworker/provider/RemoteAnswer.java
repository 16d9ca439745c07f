package com.cvchat.llmworker.provider;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.rules.title.Titles;

/**
 * How a remote model's text becomes the result, the same for every remote provider: free text is streamed as it
 * arrives; a structured answer or a title is held back and sent as one chunk once complete (half a JSON object or
 * half a title is no use to a client).
 */
public final class RemoteAnswer {

    private RemoteAnswer() {
    }

    /** Whether pieces are held back until the end instead of being streamed. */
    public static boolean heldBack(LlmRequest request) {
        return request.responseSchema() != null || request.task() == LlmTask.TITLE;
    }

    /** The result of the complete {@code text}; sends the held-back chunk where there is one. */
    public static ProviderResult complete(GenerationCall call, String text, TokenUsage usage, String provider) {
        if (text.isEmpty()) {
            throw new LlmFailure(FailureReason.PROVIDER_ERROR, true, provider + " returned an empty answer");
        }
        if (call.request().responseSchema() != null) {
            StructuredAnswer answer = StructuredAnswer.parse(text);
            call.sink().accept(answer.text());
            return new ProviderResult(answer.text(), usage, answer.structured());
        }
        if (call.request().task() == LlmTask.TITLE) {
            String title = Titles.of(text, call.request().prompt());
            call.sink().accept(title);
            return new ProviderResult(title, usage, null);
        }
        return new ProviderResult(text, usage, null);
    }
}
