package com.cvchat.platform.replies;

import com.cvchat.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The reply partitions this instance owns now and its position on each: hands them out in turn to new requests and
 * makes a request wait, bounded, while there is none (then a 503). Kept in step with the group's assignment by the
 * {@link ReplyChannel}.
 */
final class OwnedPartitions {

    private final Duration readyTimeout;
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Set<Integer> owned = new TreeSet<>();
    private final AtomicInteger nextChoice = new AtomicInteger();
    private volatile int[] choices = new int[0];
    private volatile boolean stopped;

    OwnedPartitions(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
    }

    /** How many partitions this instance owns. */
    int count() {
        return choices.length;
    }

    synchronized boolean owns(int partition) {
        return owned.contains(partition);
    }

    /** The next owned partition in turn, waiting while there is none. */
    int choose() {
        int[] current = awaitAny();
        return current[Math.floorMod(nextChoice.getAndIncrement(), current.length)];
    }

    /** This instance's position on {@code partition}: no answer of a request sent from now on precedes it. */
    long position(int partition) {
        return positions.getOrDefault(partition, 0L);
    }

    /** A record before {@code next} was fetched on {@code partition}. */
    void advance(int partition, long next) {
        positions.put(partition, next);
    }

    /** Partitions assigned, each with the consumer's position on it. */
    synchronized void gained(Map<Integer, Long> partitionPositions) {
        positions.putAll(partitionPositions);
        owned.addAll(partitionPositions.keySet());
        changed();
    }

    /** Partitions revoked or lost. */
    synchronized void lost(Collection<Integer> partitions) {
        owned.removeAll(partitions);
        changed();
    }

    /** The consumer stopped: nothing is owned any more. */
    synchronized void clear() {
        owned.clear();
        changed();
    }

    /** The instance is stopping: waiting requests give up. */
    void stop() {
        stopped = true;
    }

    @Override
    public String toString() {
        return Arrays.toString(choices);
    }

    private void changed() {
        choices = owned.stream().mapToInt(Integer::intValue).toArray();
        notifyAll();
    }

    private int[] awaitAny() {
        long deadline = System.nanoTime() + readyTimeout.toNanos();
        synchronized (this) {
            while (choices.length == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || stopped) {
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                            "The service is starting and cannot receive answers yet. Please try again.");
                }
                try {
                    wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The service is stopping.");
                }
            }
            return choices;
        }
    }
}
