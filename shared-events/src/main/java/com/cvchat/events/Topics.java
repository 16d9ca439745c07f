package com.cvchat.events;

import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.llm.LlmRequestEvent;
import com.cvchat.events.llm.LlmResponseEvent;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** Every topic of the system. Names are contracts: never derive them from class names. */
public final class Topics {

    public static final String DLT_SUFFIX = ".dlt";
    /** Prefix of the reply topics, one per asking service. */
    public static final String REPLIES_PREFIX = "llm.responses.";

    /**
     * Requests for the model and their cancellations; key = conversation id. They carry conversation text in clear
     * (the model needs it), so they are kept one day only, in segments that roll hourly so the retention bites.
     */
    public static final Topic<LlmRequestEvent> LLM_REQUESTS = new Topic<>(
            "llm.requests", LlmRequestEvent.class, 12, Map.of("retention.ms", "86400000", "segment.ms", "3600000"));

    /**
     * Streamed answers to chat-service: chunks, then one completed or failed per request. Each request names the
     * partition its answer goes to ({@link com.cvchat.events.llm.ReplyTo}): one that the asking instance owns in the
     * service's reply group, so an instance fetches only the answers it asked for. More partitions than the service
     * can ever have instances (an instance without a partition is not ready). One day, as above.
     */
    public static final Topic<LlmResponseEvent> CHAT_REPLIES = replies("chat", 24);
    /** Streamed answers to cv-builder-service (as {@link #CHAT_REPLIES}). */
    public static final Topic<LlmResponseEvent> CV_REPLIES = replies("cv", 12);
    /** Streamed answers to voice-service (as {@link #CHAT_REPLIES}). */
    public static final Topic<LlmResponseEvent> VOICE_REPLIES = replies("voice", 12);

    /**
     * The last event of each answer whose request asked for it ({@code ReplyTo.outcomeTopic}), keyed by conversation
     * id: what chat-service's answer persister reads, so that an answer is stored exactly once whatever happens to the
     * instance that asked, without reading a single chunk.
     */
    public static final Topic<LlmResponseEvent> LLM_OUTCOMES = new Topic<>(
            "llm.outcomes", LlmResponseEvent.class, 12, Map.of("retention.ms", "86400000", "segment.ms", "3600000"));

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

    private static Topic<LlmResponseEvent> replies(String service, int partitions) {
        return new Topic<>(REPLIES_PREFIX + service, LlmResponseEvent.class, partitions,
                Map.of("retention.ms", "86400000", "segment.ms", "3600000"));
    }

    /** The main topics, without their dead-letter topics. */
    public static List<Topic<?>> main() {
        return List.of(LLM_REQUESTS, CHAT_REPLIES, CV_REPLIES, VOICE_REPLIES, LLM_OUTCOMES, CONVERSATION_EVENTS);
    }

    /** The topics a model answer may be sent to: the reply topics and {@code llm.outcomes}. */
    public static Optional<Topic<LlmResponseEvent>> answerTopic(String name) {
        return Stream.of(CHAT_REPLIES, CV_REPLIES, VOICE_REPLIES, LLM_OUTCOMES)
                .filter(topic -> topic.name().equals(name)).findFirst();
    }

    /** Every topic to create at start-up: the main topics and their dead-letter topics. */
    public static List<Topic<?>> all() {
        return main().stream().<Topic<?>>mapMulti((topic, out) -> {
            out.accept(topic);
            if (!topic.name().startsWith(REPLIES_PREFIX)) {
                out.accept(topic.deadLetter()); // a live reply is read once or never: nothing to dead-letter
            }
        }).toList();
    }
}
