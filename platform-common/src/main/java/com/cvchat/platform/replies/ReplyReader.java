package com.cvchat.platform.replies;

import com.cvchat.events.json.EventFormatException;
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
import java.util.concurrent.ConcurrentHashMap;

/**
 * Follows one reply partition from an offset, outside any group, on a virtual thread of its own, for a few
 * subscriptions: a stream resumed on an instance that did not ask ({@code Last-Event-ID}), or the streams of a
 * partition this instance no longer owns after a rebalance. Works the same for an answer still running (it follows
 * the log live) and for one that finished. Ends when its last subscription closes.
 */
final class ReplyReader implements Subscription.Holder {

    private static final Logger log = LoggerFactory.getLogger(ReplyReader.class);

    private final Map<String, Subscription> byRequest = new ConcurrentHashMap<>();
    private final Map<String, Object> config;
    private final TopicPartition partition;
    private final long fromOffset;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean stopped;

    private ReplyReader(Map<String, Object> config, TopicPartition partition, long fromOffset) {
        this.config = config;
        this.partition = partition;
        this.fromOffset = fromOffset;
    }

    /** Starts following {@code partition} for {@code subscriptions}, from the earliest offset any of them needs. */
    static ReplyReader start(Map<String, Object> config, TopicPartition partition,
                             Collection<Subscription> subscriptions) {
        long from = subscriptions.stream().mapToLong(Subscription::nextOffset).min().orElseThrow();
        ReplyReader reader = new ReplyReader(config, partition, from);
        subscriptions.forEach(reader::hold);
        Thread.ofVirtual().name("replies-reader-" + partition).start(reader::run);
        return reader;
    }

    private void hold(Subscription subscription) {
        subscription.heldBy(this);
        subscription.requestIds().forEach(id -> byRequest.put(id, subscription));
        if (subscription.closed()) {
            release(subscription);
        }
    }

    @Override
    public void release(Subscription subscription) {
        subscription.requestIds().forEach(id -> byRequest.remove(id, subscription));
        if (byRequest.isEmpty()) {
            stopped = true;
            KafkaConsumer<?, ?> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }
    }

    private void run() {
        try (KafkaConsumer<String, byte[]> reader = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer = reader;
            reader.assign(List.of(partition));
            reader.seek(partition, fromOffset);
            while (!stopped) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
                    String requestId = ReplyRecords.requestId(record);
                    Subscription subscription = requestId == null ? null : byRequest.get(requestId);
                    if (subscription != null) {
                        deliver(subscription, record);
                    }
                }
            }
        } catch (WakeupException e) {
            // the last subscription closed
        } catch (RuntimeException e) {
            log.warn("Reading replies of {} from offset {} stopped: {}", partition, fromOffset, e.toString());
        }
    }

    private static void deliver(Subscription subscription, ConsumerRecord<String, byte[]> record) {
        try {
            subscription.deliver(record.offset(), ReplyRecords.event(record));
        } catch (EventFormatException e) {
            log.warn("Skipping a malformed reply at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }
}
