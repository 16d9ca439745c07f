package com.cvchat.llmworker.provider;

import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.rules.title.Titles;

import java.util.List;

/**
 * What a remote model is sent for a request, whatever its wire format: the system instruction, the recent history
 * (a window of the last turns), and the final user text (the prompt, with the task's context where it has one).
 */
public record Prompt(String systemInstruction, List<ChatTurn> history, String userText) {

    public static Prompt of(LlmRequest request, int historyWindow) {
        if (request.task() == LlmTask.TITLE) {
            return new Prompt(Titles.INSTRUCTION, List.of(), request.prompt());
        }
        List<ChatTurn> history = request.history();
        List<ChatTurn> window = history.size() <= historyWindow
                ? history : history.subList(history.size() - historyWindow, history.size());
        String user = request.prompt();
        if (request.context() != null && !request.context().isNull()) {
            user = "Context (JSON): " + request.context() + "\n\nUser message: " + request.prompt();
        }
        return new Prompt(request.systemInstruction(), window, user);
    }

    public boolean hasSystemInstruction() {
        return systemInstruction != null && !systemInstruction.isBlank();
    }
}
