package com.cvchat.llmworker.dispatch;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.support.Acknowledgment;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commits offsets safely while generations finish out of order: a record's offset is acknowledged only when it and
 * every earlier record of its partition are done, so a crash never skips an unfinished request (it is redelivered).
 * Acknowledgments from generation threads are queued by the container and committed by the consumer thread.
 */
class OffsetTracker {

    private final Map<TopicPartition, TreeMap<Long, Entry>> partitions = new ConcurrentHashMap<>();

    /** A record was handed to the listener (consumer thread). A redelivered offset already tracked is ignored. */
    void received(TopicPartition partition, long offset, Acknowledgment ack) {
        TreeMap<Long, Entry> pending = partitions.computeIfAbsent(partition, key -> new TreeMap<>());
        synchronized (pending) {
            pending.putIfAbsent(offset, new Entry(ack));
        }
    }

    /**
     * The delivery {@code ack} of the record at {@code offset} needs no more work; acknowledges the longest finished
     * prefix of the partition.
     */
    void done(TopicPartition partition, long offset, Acknowledgment ack) {
        TreeMap<Long, Entry> pending = partitions.get(partition);
        if (pending == null) {
            return;
        }
        Acknowledgment last = null;
        synchronized (pending) {
            Entry entry = pending.get(offset);
            if (entry == null || entry.ack != ack) {
                return; // an older delivery of this offset (handed back, then redelivered here)
            }
            entry.done = true;
            while (!pending.isEmpty() && pending.firstEntry().getValue().done) {
                last = pending.pollFirstEntry().getValue().ack;
            }
        }
        if (last != null) {
            last.acknowledge();
        }
    }

    /** Forgets revoked partitions: their unfinished records belong to the next owner now. */
    void revoked(Collection<TopicPartition> revoked) {
        revoked.forEach(partitions::remove);
    }

    /** Records received but not yet committable, over all partitions. */
    int pending() {
        return partitions.values().stream().mapToInt(pending -> {
            synchronized (pending) {
                return pending.size();
            }
        }).sum();
    }

    private static final class Entry {
        private final Acknowledgment ack;
        private boolean done;

        private Entry(Acknowledgment ack) {
            this.ack = ack;
        }
    }
}
