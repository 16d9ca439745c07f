package com.cvchat.events;

import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.llm.LlmRequestEvent;
import com.cvchat.events.llm.LlmResponseEvent;

import java.util.List;
import java.util.Map;

/** Every topic of the system. Names are contracts: never derive them from class names. */
public final class Topics {

    public static final String DLT_SUFFIX = ".dlt";

    /**
     * Requests for the model and their cancellations; key = conversation id. They carry conversation text in clear
     * (the model needs it), so they are kept one day only, in segments that roll hourly so the retention bites.
     */
    public static final Topic<LlmRequestEvent> LLM_REQUESTS = new Topic<>(
            "llm.requests", LlmRequestEvent.class, 12, Map.of("retention.ms", "86400000", "segment.ms", "3600000"));

    /** Streamed answers: chunks, then one completed or failed per request; key = conversation id. One day, as above. */
    public static final Topic<LlmResponseEvent> LLM_RESPONSES = new Topic<>(
            "llm.responses", LlmResponseEvent.class, 12, Map.of("retention.ms", "86400000", "segment.ms", "3600000"));

    /** The append-only audit log of every conversation state change; kept forever. */
    public static final Topic<ConversationEvent> CONVERSATION_EVENTS = new Topic<>(
            "conversation.events", ConversationEvent.class, 6,
            Map.of("retention.ms", "-1", "retention.bytes", "-1", "cleanup.policy", "delete"));

    /**
     * Users' data keys for crypto-shredding (not an event topic: values are wrapped keys and erasure records, see
     * platform-common's {@code com.cvchat.platform.userkeys}). Compacted, with settings that make a destroyed key leave
     * the brokers' disks within about an hour: segments roll every 10 min, compaction may start at once and must run
     * within 1 h, and a tombstone itself is dropped 1 h after compaction.
     */
    public static final String USER_KEYS = "user.keys";
    public static final int USER_KEYS_PARTITIONS = 6;
    public static final Map<String, String> USER_KEYS_CONFIG = Map.of(
            "cleanup.policy", "compact",
            "segment.ms", "600000",
            "min.compaction.lag.ms", "0",
            "max.compaction.lag.ms", "3600000",
            "min.cleanable.dirty.ratio", "0.01",
            "delete.retention.ms", "3600000");

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
