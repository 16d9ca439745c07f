package com.cvchat.llmworker.provider.offline;

import com.cvchat.events.llm.LlmRequest;
import com.cvchat.rules.title.Titles;

/** Deterministic answers built from the request alone: the same request always gets the same words. */
final class OfflineAnswers {

    private OfflineAnswers() {
    }

    static String chatReply(LlmRequest request) {
        String prompt = request.prompt() == null ? "" : request.prompt().strip();
        if (prompt.isEmpty()) {
            return "I did not receive a question. What would you like to talk about?";
        }
        return ChatAnswer.of(prompt, request.history().size());
    }

    /** The topic in at most six words ("Preparing for a job interview"), never the message's first words cut off. */
    static String title(LlmRequest request) {
        return Titles.fromMessage(request.prompt());
    }
}
