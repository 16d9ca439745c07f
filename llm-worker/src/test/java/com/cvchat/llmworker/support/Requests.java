package com.cvchat.llmworker.support;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.events.llm.ReplyTo;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

/** Test data: requests as the services publish them. */
public final class Requests {

    public static final String USER = "5b0e8c5e-8a4f-4d3e-9c59-5d0f3e7e2a11";
    /** Where the test requests are answered: partition 0 of chat's reply topic, the last event also on outcomes. */
    public static final ReplyTo REPLY_TO = new ReplyTo(Topics.CHAT_REPLIES.name(), 0, Topics.LLM_OUTCOMES.name());

    private Requests() {
    }

    public static LlmRequest chat(String prompt) {
        return new LlmRequest(UUID.randomUUID().toString(), "chat", LlmTask.CHAT_REPLY,
                "You are a helpful assistant.", List.of(new ChatTurn(ChatTurn.USER, "Hello"),
                new ChatTurn(ChatTurn.MODEL, "Hi! How can I help?")), prompt, null, null).to(REPLY_TO);
    }

    public static LlmRequest title(String firstMessage) {
        return new LlmRequest(UUID.randomUUID().toString(), "chat", LlmTask.TITLE, null, List.of(), firstMessage,
                null, null).to(REPLY_TO);
    }

    public static LlmRequest structured(String prompt, JsonNode schema) {
        return new LlmRequest(UUID.randomUUID().toString(), "cv", LlmTask.CV_TURN, "Build a CV.", List.of(), prompt,
                null, schema).to(REPLY_TO);
    }

    public static EventEnvelope<LlmRequest> envelope(String conversationId, LlmRequest request) {
        return envelope(conversationId, USER, request);
    }

    public static EventEnvelope<LlmRequest> envelope(String conversationId, String userId, LlmRequest request) {
        return EventEnvelope.of(conversationId, userId, request.requestId(), request);
    }

    public static EventEnvelope<LlmCancel> cancel(String conversationId, String requestId) {
        return EventEnvelope.of(conversationId, USER, requestId, new LlmCancel(requestId, "user stopped"));
    }
}
