package com.cvchat.voice.support;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.platform.test.llm.ModelReplies;
import org.springframework.kafka.annotation.KafkaListener;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model worker on the real broker for service tests: answers {@code chat_reply} requests with a few chunks and a
 * completion (mentioning a doctor, so a medical disclaimer is detected), {@code title} requests with a quoted title; while {@link #hold} is set it sends one chunk and then waits
 * for a cancel (answering {@code cancelled}). Also records every event of {@code conversation.events}.
 */
public class FakeLlmWorker implements AutoCloseable {

    public static final String TITLE = "\"Sarah Johnson, data scientist\"";

    private final ModelReplies replies;
    private final Map<String, EventEnvelope<EventPayload>> byRequestId = new ConcurrentHashMap<>();
    public final List<EventEnvelope<EventPayload>> requests = new CopyOnWriteArrayList<>();
    public final List<EventEnvelope<EventPayload>> conversationEvents = new CopyOnWriteArrayList<>();
    public volatile boolean hold;

    public FakeLlmWorker(String brokers) {
        this.replies = new ModelReplies(brokers);
    }

    @KafkaListener(topics = "llm.requests", groupId = "fake-llm-worker", properties = "auto.offset.reset=earliest")
    void onRequest(EventEnvelope<EventPayload> envelope) {
        requests.add(envelope);
        if (envelope.payload() instanceof LlmRequest request) {
            byRequestId.put(request.requestId(), envelope);
        }
        switch (envelope.payload()) {
            case LlmRequest request when request.task() == LlmTask.TITLE ->
                    complete(envelope, request.requestId(), TITLE, 0);
            case LlmRequest request when hold ->
                    respond(envelope, new LlmChunk(request.requestId(), request.origin(), 0, "Once upon a time"));
            case LlmRequest request -> {
                List<String> pieces = List.of("You said: ", request.prompt(), ". If you feel unwell, see a doctor.");
                for (int i = 0; i < pieces.size(); i++) {
                    respond(envelope, new LlmChunk(request.requestId(), request.origin(), i, pieces.get(i)));
                }
                complete(envelope, request.requestId(), String.join("", pieces), pieces.size());
            }
            case LlmCancel cancel when byRequestId.containsKey(cancel.requestId()) ->
                    respond(byRequestId.get(cancel.requestId()), new LlmFailed(cancel.requestId(), "voice",
                    FailureReason.CANCELLED, "Cancelled", false, "Once upon a time"));
            default -> {
            }
        }
    }

    @KafkaListener(topics = "conversation.events", groupId = "test-audit", properties = "auto.offset.reset=earliest")
    void onConversationEvent(EventEnvelope<EventPayload> envelope) {
        conversationEvents.add(envelope);
    }

    public List<EventEnvelope<EventPayload>> requestsOf(String conversationId) {
        return requests.stream().filter(e -> e.conversationId().equals(conversationId)).toList();
    }

    public List<EventEnvelope<EventPayload>> eventsOf(String conversationId) {
        return conversationEvents.stream().filter(e -> e.conversationId().equals(conversationId)).toList();
    }

    private void complete(EventEnvelope<EventPayload> request, String requestId, String text, long chunks) {
        respond(request, new LlmCompleted(requestId, "voice", text, chunks, null, null, "fake"));
    }

    private void respond(EventEnvelope<EventPayload> request, com.cvchat.events.llm.LlmResponseEvent payload) {
        replies.send(request, payload);
    }

    @Override
    public void close() {
        replies.close();
    }
}
