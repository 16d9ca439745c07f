package com.cvchat.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The floor: a plain producer (linger 0, acks all, like the services) and a plain consumer (fetch wait as the
 * services') on the same broker, the value being the send instant; the delay is consume instant − send instant.
 */
final class RawKafkaProbe implements AutoCloseable {

    private static final String TOPIC = "bench.raw";

    private final KafkaProducer<String, Long> producer;
    private final KafkaConsumer<String, Long> consumer;

    RawKafkaProbe(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 12, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.LINGER_MS_CONFIG, 0, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new LongSerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100),
                new StringDeserializer(), new LongDeserializer());
        consumer.subscribe(List.of(TOPIC));
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
        consumer.assignment().forEach(consumer::position);
    }

    /** Sends {@code count} records at {@code perSecond} (keys spread over partitions) and returns the delays. */
    Percentiles measure(int count, double perSecond) {
        List<Double> delays = new ArrayList<>();
        Thread sender = Thread.ofPlatform().start(() -> {
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = begin + (long) (i * 1e9 / perSecond);
                for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
                    java.util.concurrent.locks.LockSupport.parkNanos(left);
                }
                producer.send(new ProducerRecord<>(TOPIC, "key-" + (i % 500), System.nanoTime()));
            }
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (delays.size() < count && System.nanoTime() < deadline) {
            for (ConsumerRecord<String, Long> record : consumer.poll(Duration.ofMillis(100))) {
                delays.add((System.nanoTime() - record.value()) / 1e6);
            }
        }
        try {
            sender.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Percentiles.of(delays);
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
