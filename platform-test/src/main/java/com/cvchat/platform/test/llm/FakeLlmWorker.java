package com.cvchat.platform.test.llm;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Stands in for the llm-worker process in service tests: a real Kafka consumer of {@code llm.requests} (a group of its
 * own, from the earliest offset) on a thread of its own, that answers where each request says ({@link ModelReplies})
 * with what the test's {@link Answers} give, and answers a cancel of a request it knows with
 * {@link Answers#cancelled}. Every event it reads is kept for assertions. For answers scripted by tags in the prompt
 * (pace, length, failures), see {@link ScriptedModel}.
 */
public final class FakeLlmWorker implements AutoCloseable {

    /** What the fake worker sends back, in order; nothing: it stays silent. */
    @FunctionalInterface
    public interface Answers {

        List<LlmResponseEvent> to(LlmRequest request);

        /** What it sends when {@code request} is cancelled (by default nothing). */
        default List<LlmResponseEvent> cancelled(LlmRequest request) {
            return List.of();
        }
    }

    private final List<EventEnvelope<EventPayload>> received = new CopyOnWriteArrayList<>();
    private final Map<String, EventEnvelope<EventPayload>> requests = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public FakeLlmWorker(String bootstrapServers, Answers answers) {
        thread = Thread.ofPlatform().daemon().name("fake-llm-worker").start(() -> run(bootstrapServers, answers));
    }

    /**
     * A worker that answers each request with what {@code answers} returns (nothing: stays silent); a completion is
     * preceded by its text as word chunks ({@link #streamed}), as the real worker streams it.
     */
    public static FakeLlmWorker answering(String bootstrapServers,
                                          Function<LlmRequest, Optional<LlmResponseEvent>> answers) {
        return new FakeLlmWorker(bootstrapServers, request -> answers.apply(request)
                .map(answer -> answer instanceof LlmCompleted completed ? streamed(request, completed) : List.of(answer))
                .orElse(List.of()));
    }

    /** {@code completed}'s text as word chunks (sequences from 0), then {@code completed}. */
    public static List<LlmResponseEvent> streamed(LlmRequest request, LlmCompleted completed) {
        List<LlmResponseEvent> events = new ArrayList<>();
        String[] words = completed.text().split("(?<= )");
        for (int i = 0; i < words.length; i++) {
            events.add(new LlmChunk(request.requestId(), request.origin(), i, words[i]));
        }
        events.add(completed);
        return events;
    }

    /** Every event read from {@code llm.requests}, in order. */
    public List<EventEnvelope<EventPayload>> received() {
        return received;
    }

    /** The events of {@code llm.requests} of one conversation, in order. */
    public List<EventEnvelope<EventPayload>> requestsOf(String conversationId) {
        return received.stream().filter(e -> conversationId.equals(e.conversationId())).toList();
    }

    private void run(String bootstrapServers, Answers answers) {
        try (KafkaConsumer<String, EventEnvelope<EventPayload>> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "fake-llm-worker-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                // started before the service under test created the topic: find it within a second, not 5 minutes
                ConsumerConfig.METADATA_MAX_AGE_CONFIG, 1000), new StringDeserializer(), new EventDeserializer());
             ModelReplies replies = new ModelReplies(bootstrapServers)) {
            consumer.subscribe(List.of(Topics.LLM_REQUESTS.name()));
            while (running) {
                for (ConsumerRecord<String, EventEnvelope<EventPayload>> record : consumer.poll(Duration.ofMillis(100))) {
                    EventEnvelope<EventPayload> envelope = record.value();
                    received.add(envelope);
                    switch (envelope.payload()) {
                        case LlmRequest request -> {
                            requests.put(request.requestId(), envelope);
                            answers.to(request).forEach(answer -> replies.send(envelope, answer));
                        }
                        case LlmCancel cancel when requests.containsKey(cancel.requestId()) -> {
                            EventEnvelope<EventPayload> asked = requests.get(cancel.requestId());
                            answers.cancelled((LlmRequest) asked.payload())
                                    .forEach(answer -> replies.send(asked, answer));
                        }
                        default -> {
                        }
                    }
                }
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5000);
    }
}
