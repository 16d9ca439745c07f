package com.cvchat.cvbuilder;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.platform.test.llm.ModelReplies;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Stands in for the llm-worker process in service tests: a real Kafka consumer of {@code llm.requests} that answers
 * where each request says ({@link ModelReplies}), answering each request with what the test's {@code answers} function returns (nothing =
 * stay silent); a completion is preceded by its text as word chunks, as the real worker streams it. Every event it reads is kept for assertions.
 */
public final class FakeLlmWorker implements AutoCloseable {

    private final List<EventEnvelope<EventPayload>> received = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    public FakeLlmWorker(String bootstrapServers, Function<LlmRequest, Optional<LlmResponseEvent>> answers) {
        thread = Thread.ofPlatform().daemon().name("fake-llm-worker").start(() -> run(bootstrapServers, answers));
    }

    public List<EventEnvelope<EventPayload>> received() {
        return received;
    }

    private void run(String bootstrapServers, Function<LlmRequest, Optional<LlmResponseEvent>> answers) {
        try (KafkaConsumer<String, EventEnvelope<EventPayload>> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "fake-llm-worker-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new EventDeserializer());
             ModelReplies producer = new ModelReplies(bootstrapServers)) {
            consumer.subscribe(List.of(Topics.LLM_REQUESTS.name()));
            while (running) {
                for (ConsumerRecord<String, EventEnvelope<EventPayload>> record : consumer.poll(Duration.ofMillis(100))) {
                    received.add(record.value());
                    if (record.value().payload() instanceof LlmRequest request) {
                        answers.apply(request).ifPresent(answer -> {
                            if (answer instanceof LlmCompleted completed) {
                                String[] words = completed.text().split("(?<= )");
                                for (int i = 0; i < words.length; i++) {
                                    producer.send(record.value(), new LlmChunk(request.requestId(), request.origin(), i,
                                            words[i]));
                                }
                            }
                            producer.send(record.value(), answer);
                        });
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
