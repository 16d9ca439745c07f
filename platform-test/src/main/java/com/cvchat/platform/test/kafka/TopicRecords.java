package com.cvchat.platform.test.kafka;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads topics as a stock consumer sees them (kcat): every partition from the beginning to where it ends when the
 * call starts, outside any consumer group. Bounded: a partition not read to its end within a minute fails the call.
 */
public final class TopicRecords {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);

    private TopicRecords() {
    }

    /** Every record now on {@code topic}, key and value as strings (tombstones: null). */
    public static List<ConsumerRecord<String, String>> strings(String bootstrapServers, String topic) {
        return all(bootstrapServers, List.of(topic), new StringDeserializer(), new StringDeserializer());
    }

    /** Every record now on {@code topics}, in each partition's order. */
    public static <K, V> List<ConsumerRecord<K, V>> all(String bootstrapServers, Collection<String> topics,
                                                        Deserializer<K> keys, Deserializer<V> values) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        forEach(bootstrapServers, topics, keys, values, records::add);
        return records;
    }

    /** Hands every record now on {@code topics} to {@code each}; returns how many there were. */
    public static <K, V> int forEach(String bootstrapServers, Collection<String> topics, Deserializer<K> keys,
                                     Deserializer<V> values, Consumer<ConsumerRecord<K, V>> each) {
        int count = 0;
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), keys, values)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(topics + " not read to its end within " + LIMIT.toSeconds() + " s");
                }
                for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        count++;
                        each.accept(record);
                    }
                }
            }
        }
        return count;
    }
}
