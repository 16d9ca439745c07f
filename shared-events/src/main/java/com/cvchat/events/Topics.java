package com.cvchat.events;

import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.llm.LlmRequestEvent;
import com.cvchat.events.llm.LlmResponseEvent;

import java.util.List;
import java.util.Map;

/** Every topic of the system. Names are contracts: never derive them from class names. */
public final class Topics {

    public static final String DLT_SUFFIX = ".dlt";

    /** Requests for the model and their cancellations; key = conversation id. */
    public static final Topic<LlmRequestEvent> LLM_REQUESTS = new Topic<>(
            "llm.requests", LlmRequestEvent.class, 12, Map.of("retention.ms", "604800000"));

    /** Streamed answers: chunks, then one completed or failed per request; key = conversation id. */
    public static final Topic<LlmResponseEvent> LLM_RESPONSES = new Topic<>(
            "llm.responses", LlmResponseEvent.class, 12, Map.of("retention.ms", "604800000"));

    /** The append-only audit log of every conversation state change; kept forever. */
    public static final Topic<ConversationEvent> CONVERSATION_EVENTS = new Topic<>(
            "conversation.events", ConversationEvent.class, 6,
            Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete"));

    private Topics() {
    }

    /** The main topics, without their dead-letter topics. */
    public static List<Topic<?>> main() {
        return List.of(LLM_REQUESTS, LLM_RESPONSES, CONVERSATION_EVENTS);
    }

    /** Every topic to create at start-up: the main topics and their dead-letter topics. */
    public static List<Topic<?>> all() {
        return main().stream().<Topic<?>>mapMulti((topic, out) -> {
            out.accept(topic);
            out.accept(topic.deadLetter());
        }).toList();
    }
}
