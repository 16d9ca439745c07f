package com.cvchat.platform.kafka;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads partitions of a log up to where they end when the read starts, outside any consumer group, as a stock
 * consumer does ({@code kcat -e}): records written during the read are left for the next one. The one loop behind the
 * replay command, the audit API, the bench's reading of replies and the tests' reading of topics.
 */
public final class LogToEnd {

    private static final Duration POLL = Duration.ofMillis(200);

    private LogToEnd() {
    }

    /** Every partition of {@code topics}, in topic order. */
    public static List<TopicPartition> partitionsOf(Consumer<?, ?> consumer, Collection<String> topics) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }

    /**
     * Hands every record of {@code partitions} from {@code from} (a partition missing there: from its beginning) to
     * their end now to {@code each}, in each partition's order; returns how many there were. Fails with
     * {@link IllegalStateException} when the read makes no progress for {@code stall} before the end (a broker gone, a
     * partition offline), so a long log is read whole while a stuck one does not hang the caller.
     */
    public static <K, V> long read(Consumer<K, V> consumer, Collection<TopicPartition> partitions,
                                   Map<TopicPartition, Long> from, Duration stall,
                                   java.util.function.Consumer<ConsumerRecord<K, V>> each) {
        consumer.assign(partitions);
        List<TopicPartition> fromBeginning = partitions.stream().filter(p -> !from.containsKey(p)).toList();
        if (!fromBeginning.isEmpty()) { // an empty list would mean every assigned partition
            consumer.seekToBeginning(fromBeginning);
        }
        partitions.stream().filter(from::containsKey).forEach(p -> consumer.seek(p, from.get(p)));
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long count = 0;
        long read = -1;
        long progressAt = System.nanoTime();
        while (true) {
            long position = partitions.stream().mapToLong(consumer::position).sum();
            if (partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                break;
            }
            if (position != read) {
                read = position;
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > stall.toNanos()) {
                throw new IllegalStateException(partitions + " not read to its end: no progress for "
                        + stall.toSeconds() + " s");
            }
            for (ConsumerRecord<K, V> record : consumer.poll(POLL)) {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    count++;
                    each.accept(record);
                }
            }
        }
        return count;
    }
}
