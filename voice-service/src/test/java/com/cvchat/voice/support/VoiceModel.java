package com.cvchat.voice.support;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.platform.test.llm.FakeLlmWorker;

import java.util.ArrayList;
import java.util.List;

/**
 * The answers of the fake model worker in voice tests: {@code chat_reply} requests get a few chunks and a completion
 * (mentioning a doctor, so a medical disclaimer is detected), {@code title} requests a quoted title; while
 * {@link #hold} is set a request gets one chunk and then waits for a cancel (answered {@code cancelled}).
 */
public class VoiceModel implements FakeLlmWorker.Answers {

    public static final String TITLE = "\"Sarah Johnson, data scientist\"";
    private static final String HELD = "Once upon a time";

    public volatile boolean hold;

    @Override
    public List<LlmResponseEvent> to(LlmRequest request) {
        if (request.task() == LlmTask.TITLE) {
            return List.of(completed(request, TITLE, 0));
        }
        if (hold) {
            return List.of(new LlmChunk(request.requestId(), request.origin(), 0, HELD));
        }
        List<String> pieces = List.of("You said: ", request.prompt(), ". If you feel unwell, see a doctor.");
        List<LlmResponseEvent> events = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            events.add(new LlmChunk(request.requestId(), request.origin(), i, pieces.get(i)));
        }
        events.add(completed(request, String.join("", pieces), pieces.size()));
        return events;
    }

    @Override
    public List<LlmResponseEvent> cancelled(LlmRequest request) {
        return List.of(new LlmFailed(request.requestId(), "voice", FailureReason.CANCELLED, "Cancelled", false, HELD));
    }

    private static LlmCompleted completed(LlmRequest request, String text, long chunks) {
        return new LlmCompleted(request.requestId(), "voice", text, chunks, null, null, "fake");
    }
}
