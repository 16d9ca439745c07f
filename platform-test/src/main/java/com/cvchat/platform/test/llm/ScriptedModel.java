package com.cvchat.platform.test.llm;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.events.llm.TokenUsage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A model worker for service tests that speaks the llm.requests / reply-topic wire protocol on the real broker, with
 * answers scripted by tags in the prompt ({@link Script}: length, pace, failures, gates). Honours {@code llm.cancel}.
 * The answer is {@link #answerFor(String)}; a title is {@code "Chat about <first word>"} in quotes.
 */
public final class ScriptedModel implements AutoCloseable {

    private final KafkaConsumer<String, EventEnvelope<EventPayload>> consumer;
    private final ModelReplies replies;
    private final Set<String> cancelled = ConcurrentHashMap.newKeySet();
    private final List<LlmRequest> requests = new CopyOnWriteArrayList<>();
    private final Thread loop;
    private final Map<String, java.util.concurrent.CountDownLatch> gates = new ConcurrentHashMap<>();
    private volatile boolean assigned;
    private volatile boolean closed;

    private ScriptedModel(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "scripted-model-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20),
                new StringDeserializer(), new EventDeserializer());
        replies = new ModelReplies(bootstrapServers);
        loop = Thread.ofPlatform().daemon().name("scripted-model").start(this::run);
    }

    /** Starts the model and waits until it receives requests. */
    public static ScriptedModel start(String bootstrapServers) {
        ScriptedModel model = new ScriptedModel(bootstrapServers);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> model.assigned);
        return model;
    }

    /** The answer the model gives to {@code prompt}. */
    public static String answerFor(String prompt) {
        return String.join(" ", Script.of(prompt).words());
    }

    public List<LlmRequest> requests() {
        return List.copyOf(requests);
    }

    /** Lets every {@code [gate=name]} answer (waiting or still to come) begin. */
    public void openGate(String name) {
        gate(name).countDown();
    }

    private java.util.concurrent.CountDownLatch gate(String name) {
        return gates.computeIfAbsent(name, n -> new java.util.concurrent.CountDownLatch(1));
    }

    private void run() {
        consumer.subscribe(List.of(Topics.LLM_REQUESTS.name()));
        try {
            while (!closed) {
                var records = consumer.poll(Duration.ofMillis(50));
                if (!assigned && !consumer.assignment().isEmpty()) {
                    consumer.assignment().forEach(consumer::position);
                    assigned = true;
                }
                for (ConsumerRecord<String, EventEnvelope<EventPayload>> record : records) {
                    EventEnvelope<EventPayload> envelope = record.value();
                    switch (envelope.payload()) {
                        case LlmCancel cancel -> cancelled.add(cancel.requestId());
                        case LlmRequest request -> {
                            requests.add(request);
                            Thread.ofVirtual().start(() -> answer(envelope, request));
                        }
                        default -> {
                        }
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    private void answer(EventEnvelope<?> request, LlmRequest llm) {
        String prompt = llm.prompt();
        if (llm.task() == LlmTask.TITLE) {
            String title = "\"Chat about " + prompt.split("\\s+")[0] + "\"";
            replies.send(request, new LlmCompleted(llm.requestId(), llm.origin(), title, 1, TokenUsage.NONE, null,
                    "scripted"));
            return;
        }
        Script script = Script.of(prompt);
        if (script.noKey()) {
            replies.send(request, new LlmFailed(llm.requestId(), llm.origin(), FailureReason.API_KEY_MISSING,
                    "no key", false, ""));
            return;
        }
        List<String> words = script.words();
        StringBuilder text = new StringBuilder();
        if (script.gate() != null) {
            try {
                gate(script.gate()).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        long pace = script.paceMillis();
        long begin = System.nanoTime() + script.phaseMillis() * 1_000_000L;
        for (int i = 0; i < words.size(); i++) {
            waitUntil(begin + (i + 1) * pace * 1_000_000);
            if (cancelled.contains(llm.requestId())) {
                replies.send(request, new LlmFailed(llm.requestId(), llm.origin(), FailureReason.CANCELLED,
                        "cancelled", false, text.toString()));
                return;
            }
            if (i == 2 && script.fail()) {
                replies.send(request, new LlmFailed(llm.requestId(), llm.origin(), FailureReason.PROVIDER_ERROR,
                        "boom", true, text.toString()));
                return;
            }
            String piece = script.stamp() ? "@" + System.nanoTime()
                    : (i == 0 ? "" : " ") + words.get(i);
            replies.send(request, new LlmChunk(llm.requestId(), llm.origin(), i, piece, (long) text.length()));
            text.append(piece);
            if (i == 2 && script.recut()) {
                text.setLength(0);
                text.append(recut(request, llm, words));
                break;
            }
        }
        replies.send(request, new LlmCompleted(llm.requestId(), llm.origin(), text.toString(), words.size(),
                TokenUsage.NONE, null, "scripted"));
    }

    /** The whole answer again from its start, two words a chunk, sequences from 0 (a second generation); its text. */
    private String recut(EventEnvelope<?> request, LlmRequest llm, List<String> words) {
        StringBuilder again = new StringBuilder();
        for (int from = 0, sequence = 0; from < words.size(); from += 2, sequence++) {
            String piece = (from == 0 ? "" : " ") + String.join(" ", words.subList(from, Math.min(from + 2, words.size())));
            replies.send(request, new LlmChunk(llm.requestId(), llm.origin(), sequence, piece, (long) again.length()));
            again.append(piece);
        }
        return again.toString();
    }

    /** The model's emission schedule: chunk i leaves at begin + (i + 1) × pace (timing, not a wait for an outcome). */
    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            loop.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        replies.close();
    }
}
