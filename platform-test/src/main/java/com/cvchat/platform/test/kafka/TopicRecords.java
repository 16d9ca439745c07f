package com.cvchat.platform.test.kafka;

import com.cvchat.platform.kafka.LogToEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 * call starts, outside any consumer group. Bounded: a read that makes no progress for a minute fails the call.
 */
public final class TopicRecords {

    private static final Duration STALL = Duration.ofSeconds(60);

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
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000), keys, values)) {
            return (int) LogToEnd.read(consumer, LogToEnd.partitionsOf(consumer, topics), Map.of(), STALL, each);
        }
    }
}
