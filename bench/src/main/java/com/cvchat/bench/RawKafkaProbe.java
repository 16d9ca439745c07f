package com.cvchat.bench;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.json.EventSerializer;
import com.cvchat.events.llm.LlmChunk;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

/**
 * The floor (item 1): what Kafka alone takes to carry a chunk on this machine. The records have the shape of the
 * worker's coalesced chunks — an {@code llm.chunk} envelope of four words serialized by the services' serializer (so
 * the same headers: event type, schema version, event id, request id), a key as long as a conversation id — on a
 * topic with the partitions of {@code llm.responses.chat}. The producer is set as the services' (acks all, linger 0,
 * idempotent); the consumer as the reply consumer of {@code platform-common} (fetch wait 500 ms, no commits, values
 * as bytes, routed by header). The key carries the send instant; the delay is consume instant − send instant.
 */
final class RawKafkaProbe implements AutoCloseable {

    private static final String TOPIC = "bench.raw";
    private static final int PARTITIONS = 24;

    /** The delays, and the CPU this JVM (broker, probe producer and consumer) used per record meanwhile. */
    record Floor(Percentiles delays, double suiteMicrosPerRecord, double brokerMicrosPerRecord, double perSecond) {
    }

    private final KafkaProducer<String, EventEnvelope<?>> producer;
    private final KafkaConsumer<String, byte[]> consumer;

    RawKafkaProbe(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new EventSerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.assign(IntStream.range(0, PARTITIONS).mapToObj(p -> new TopicPartition(TOPIC, p)).toList());
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
    }

    /** Sends {@code count} records at {@code perSecond} (keys spread over partitions) and returns the delays. */
    Floor measure(int count, double perSecond) {
        List<Double> delays = new ArrayList<>();
        String requestId = UUID.randomUUID().toString();
        long cpuBefore = System.nanoTime();
        double suiteBefore = ProcessStats.cpuSeconds(ProcessHandle.current().pid());
        double brokerBefore = SuiteThreads.cpuSeconds()[SuiteThreads.GROUPS.indexOf("broker")];
        Thread sender = Thread.ofPlatform().start(() -> {
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = begin + (long) (i * 1e9 / perSecond);
                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
                String key = String.format("%036d", System.nanoTime()); // as long as a conversation id
                EventEnvelope<LlmChunk> chunk = EventEnvelope.of(UUID.randomUUID().toString(), "bench-user",
                        requestId, new LlmChunk(requestId, "chat", i, "four words of answer "));
                producer.send(new ProducerRecord<>(TOPIC, i % PARTITIONS, key, chunk));
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (delays.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                if (record.headers().lastHeader("request-id") != null) { // routed by header, as the services do
                    delays.add((System.nanoTime() - Long.parseLong(record.key())) / 1e6);
                }
            }
        }
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double seconds = (System.nanoTime() - cpuBefore) / 1e9;
        double suite = ProcessStats.cpuSeconds(ProcessHandle.current().pid()) - suiteBefore;
        double broker = SuiteThreads.cpuSeconds()[SuiteThreads.GROUPS.indexOf("broker")] - brokerBefore;
        int received = Math.max(delays.size(), 1);
        return new Floor(Percentiles.of(delays), suite * 1e6 / received, broker * 1e6 / received,
                delays.size() / seconds);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
