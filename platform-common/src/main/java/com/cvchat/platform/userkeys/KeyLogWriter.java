package com.cvchat.platform.userkeys;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Writes records to {@code user.keys}, each on the partition of its user, and waits for the broker's acknowledgement.
 * The producer is made on the first write; the partition count comes from {@link KeyLogReader} once it has read the
 * topic's metadata (a write before then waits for it, bounded).
 */
final class KeyLogWriter implements AutoCloseable {

    private static final Duration ACKNOWLEDGEMENT = Duration.ofSeconds(10);

    private final Map<String, Object> clientConfig;
    private final Duration partitionsWait;
    private KafkaProducer<String, byte[]> producer;
    private int partitions;
    private boolean closed;

    KeyLogWriter(Map<String, Object> clientConfig, Duration partitionsWait) {
        this.clientConfig = clientConfig;
        this.partitionsWait = partitionsWait;
    }

    synchronized void partitions(int count) {
        partitions = count;
        notifyAll();
    }

    /** Writes {@code value} (null: a tombstone) under {@code key}; returns where it landed once acknowledged. */
    RecordMetadata send(RecordKey key, byte[] value) {
        KafkaProducer<String, byte[]> sender;
        int partition;
        synchronized (this) {
            sender = producer();
            partition = UserKeysTopic.partitionOf(key.userId(), partitions);
        }
        try {
            return sender.send(new ProducerRecord<>(UserKeysTopic.NAME, partition, key.text(), value))
                    .get(ACKNOWLEDGEMENT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to " + UserKeysTopic.NAME, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write to " + UserKeysTopic.NAME, e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        long deadline = System.nanoTime() + partitionsWait.toNanos();
        try {
            while (partitions == 0 && !closed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(UserKeysTopic.NAME + " is not ready yet");
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + UserKeysTopic.NAME, e);
        }
        if (closed) {
            throw new IllegalStateException(UserKeysTopic.NAME + " writer is closed");
        }
        if (producer == null) {
            Map<String, Object> config = new HashMap<>(clientConfig);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public void close() {
        KafkaProducer<String, byte[]> open;
        synchronized (this) {
            closed = true;
            open = producer;
            notifyAll();
        }
        if (open != null) {
            open.close(Duration.ofSeconds(5));
        }
    }
}
