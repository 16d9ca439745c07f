package com.cvchat.platform.userkeys;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The one consumer of {@code user.keys} in an instance: on its own daemon thread it creates the topic when missing,
 * reads every partition from the beginning into the {@link KeyTable} and then follows new records. Request threads
 * never create a consumer or read the topic; they wait on the table. For each erasure record it runs the
 * {@link UserErasedListener}s (again at each start: they are idempotent) and destroys a key written after the erasure.
 * A failure of the consumer starts it again from the beginning (applying is idempotent).
 */
final class KeyLogReader {

    private static final Logger log = LoggerFactory.getLogger(KeyLogReader.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration RETRY = Duration.ofSeconds(5);

    private final Map<String, Object> clientConfig;
    private final short replicationFactor;
    private final KeyTable table;
    private final KeyLogWriter writer;
    private final List<UserErasedListener> listeners;
    private KafkaConsumer<String, byte[]> consumer;
    private Thread thread;
    private boolean closed;

    KeyLogReader(Map<String, Object> clientConfig, short replicationFactor, KeyTable table, KeyLogWriter writer,
                 List<UserErasedListener> listeners) {
        this.clientConfig = clientConfig;
        this.replicationFactor = replicationFactor;
        this.table = table;
        this.writer = writer;
        this.listeners = List.copyOf(listeners);
    }

    /** Starts the reader unless it runs; returns at once (Kafka may still be coming up: it retries). */
    synchronized void start() {
        if (thread == null && !closed) {
            thread = Thread.ofPlatform().daemon().name("user-keys-reader").start(this::run);
        }
    }

    private void run() {
        while (!isClosed()) {
            try {
                KafkaConsumer<String, byte[]> connected = connect();
                if (connected == null) {
                    return;
                }
                follow(connected);
                return;
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                if (isClosed()) {
                    return;
                }
                log.warn("{} cannot be read ({}); reading it again from the beginning in {} s", UserKeysTopic.NAME,
                        e.toString(), RETRY.toSeconds());
            } finally {
                disconnect();
            }
            if (!pausedBeforeRetry()) {
                return;
            }
        }
    }

    /** A consumer on every partition from the beginning, the table told where the end is; null when closed first. */
    private KafkaConsumer<String, byte[]> connect() {
        UserKeysTopic.ensure(clientConfig, replicationFactor);
        KafkaConsumer<String, byte[]> created = consumer();
        synchronized (this) {
            if (closed) {
                created.close();
                return null;
            }
            consumer = created;
        }
        int partitions = UserKeysTopic.partitionCount(created);
        List<TopicPartition> all = IntStream.range(0, partitions)
                .mapToObj(p -> new TopicPartition(UserKeysTopic.NAME, p)).toList();
        created.assign(all);
        created.seekToBeginning(all);
        Map<TopicPartition, Long> end = created.endOffsets(all);
        writer.partitions(partitions);
        table.restoring(all.stream().mapToLong(end::get).toArray());
        return created;
    }

    private void follow(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> all = List.copyOf(consumer.assignment()).stream()
                .sorted((a, b) -> Integer.compare(a.partition(), b.partition())).toList();
        while (true) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                apply(record);
            }
            table.progressed(all.stream().mapToLong(consumer::position).toArray());
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        RecordKey key = RecordKey.parse(record.key());
        try {
            switch (table.apply(key, record.value())) {
                case USER_ERASED -> notifyErased(key.userId());
                case KEY_AFTER_ERASURE -> writer.send(key, null);   // a key written after the erasure: destroy it
                case NONE -> { }
            }
        } catch (RuntimeException e) {
            // e.g. a key wrapped under another master key: it cannot be used here, the others still can
            log.error("Record {} of {} at offset {} could not be applied: {}", record.key(), UserKeysTopic.NAME,
                    record.offset(), e.getMessage());
        }
    }

    private void notifyErased(String userId) {
        for (UserErasedListener listener : listeners) {
            try {
                listener.onUserErased(userId);
            } catch (RuntimeException e) {
                log.error("Erasing the data of user {} failed in {}: {}", userId, listener.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500); // idle: two fetches a second
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void disconnect() {
        KafkaConsumer<String, byte[]> current;
        synchronized (this) {
            current = consumer;
            consumer = null;   // close() now interrupts the pause instead of waking a closed consumer
        }
        if (current != null) {
            current.close();
        }
    }

    /** Waits before reading the topic again; false when interrupted (closing). */
    private static boolean pausedBeforeRetry() {
        try {
            Thread.sleep(RETRY.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = thread;
            if (consumer != null) {
                consumer.wakeup();
            } else if (running != null) {
                running.interrupt();   // creating the topic or waiting to retry
            }
        }
        if (running != null) {
            try {
                running.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
