package com.cvchat.platform.replies;

import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * This instance's member of the reply group, on a thread of its own: fetches the records of the partitions it owns and
 * hands them to the {@link LiveSubscriptions}, and keeps the {@link OwnedPartitions} in step with the group's
 * assignment. Partitions taken away go to {@code onLost} (which moves their subscriptions to readers). It commits no
 * offsets and runs no tracing observation per record.
 */
final class ReplyGroup {

    private static final Logger log = LoggerFactory.getLogger(ReplyGroup.class);

    private final String topic;
    private final Map<String, Object> config;
    private final OwnedPartitions partitions;
    private final LiveSubscriptions live;
    private final Consumer<Set<Integer>> onLost;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile Thread loop;
    private volatile boolean running;

    ReplyGroup(String topic, Map<String, Object> config, OwnedPartitions partitions, LiveSubscriptions live,
               Consumer<Set<Integer>> onLost) {
        this.topic = topic;
        this.config = Map.copyOf(config);
        this.partitions = partitions;
        this.live = live;
        this.onLost = onLost;
    }

    boolean running() {
        return running;
    }

    void start() {
        running = true;
        loop = Thread.ofPlatform().name("replies-" + topic).daemon().start(this::run);
    }

    void stop() {
        running = false;
        KafkaConsumer<?, ?> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread thread = loop;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> group = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = group;
            group.subscribe(List.of(topic), new Rebalance(group));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : group.poll(Duration.ofSeconds(30))) {
                    partitions.advance(record.partition(), record.offset() + 1);
                    live.route(record);
                }
            }
        } catch (WakeupException e) {
            // stopping
        } catch (RuntimeException e) {
            log.error("The reply consumer of {} stopped", topic, e);
        } finally {
            partitions.clear(); // stopping: the instance's streams end with it
        }
    }

    /** Keeps the owned partitions, with their positions, in step with the group's assignment. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final KafkaConsumer<String, byte[]> group;

        Rebalance(KafkaConsumer<String, byte[]> group) {
            this.group = group;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> assigned) {
            partitions.gained(assigned.stream()
                    .collect(Collectors.toMap(TopicPartition::partition, group::position)));
            if (!assigned.isEmpty()) {
                log.info("Reply partitions of {} now owned: {}", topic, partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> revoked) {
            if (!revoked.isEmpty() && running) {
                onLost.accept(revoked.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> lost) {
            onPartitionsRevoked(lost);
        }
    }
}
