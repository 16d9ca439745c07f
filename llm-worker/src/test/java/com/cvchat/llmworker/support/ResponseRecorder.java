package com.cvchat.llmworker.support;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.json.EventHeaders;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmResponseEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads a topic from the beginning on its own thread and keeps every record, for assertions. */
public final class ResponseRecorder implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private final List<ConsumerRecord<String, byte[]>> records = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public ResponseRecorder(String bootstrap, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "recorder-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
        thread = Thread.ofPlatform().daemon().name("recorder-" + topic).start(this::poll);
    }

    private void poll() {
        try {
            while (running) {
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        } catch (WakeupException ignored) {
            // closing
        } finally {
            consumer.close();
        }
    }

    public List<ConsumerRecord<String, byte[]>> records() {
        return List.copyOf(records);
    }

    /** The records of {@code requestId}'s answer (by their {@code request-id} header), in log order. */
    public List<ConsumerRecord<String, byte[]>> records(String requestId) {
        return records.stream().filter(record -> {
            Header header = record.headers().lastHeader(EventHeaders.REQUEST_ID);
            return header != null && requestId.equals(new String(header.value(), StandardCharsets.UTF_8));
        }).toList();
    }

    /** Every response event of {@code requestId}, in log order. */
    public List<LlmResponseEvent> events(String requestId) {
        EventDeserializer deserializer = new EventDeserializer();
        return records.stream()
                .map(record -> deserializer.deserialize(record.topic(), record.value()))
                .map(EventEnvelope::payload)
                .filter(LlmResponseEvent.class::isInstance).map(LlmResponseEvent.class::cast)
                .filter(event -> requestId.equals(event.requestId()))
                .toList();
    }

    public List<LlmChunk> chunks(String requestId) {
        return events(requestId).stream().filter(LlmChunk.class::isInstance).map(LlmChunk.class::cast).toList();
    }

    public List<LlmResponseEvent> terminals(String requestId) {
        return events(requestId).stream().filter(LlmResponseEvent::terminal).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5000);
    }
}
