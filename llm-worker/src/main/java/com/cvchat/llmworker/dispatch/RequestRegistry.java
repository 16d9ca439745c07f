package com.cvchat.llmworker.dispatch;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * De-duplication by request id on this instance: at most one generation per request id runs at a time, and a request
 * that already ended (completed, failed or cancelled) is not generated again. Finished ids are kept in a bounded LRU.
 */
class RequestRegistry {

    enum Claim { ACCEPTED, RUNNING, FINISHED, CANCELLED_BEFORE_START }

    private final Map<String, Generation> running = new ConcurrentHashMap<>();
    private final Map<String, Boolean> finished;
    private final Map<String, Boolean> cancelledEarly;

    RequestRegistry(int capacity) {
        this.finished = lru(capacity);
        this.cancelledEarly = lru(Math.max(16, capacity / 10));
    }

    synchronized Claim claim(Generation generation) {
        String id = generation.requestId();
        if (running.containsKey(id)) {
            return Claim.RUNNING;
        }
        if (finished.containsKey(id)) {
            return Claim.FINISHED;
        }
        if (cancelledEarly.remove(id) != null) {
            finished.put(id, Boolean.TRUE);
            return Claim.CANCELLED_BEFORE_START;
        }
        running.put(id, generation);
        return Claim.ACCEPTED;
    }

    /** The generation ended with a published outcome: later deliveries of the id are dropped. */
    synchronized void finished(Generation generation) {
        running.remove(generation.requestId(), generation);
        finished.put(generation.requestId(), Boolean.TRUE);
    }

    /** The generation was handed back (rebalance/shutdown) without an outcome: the next owner may run it. */
    synchronized void released(Generation generation) {
        running.remove(generation.requestId(), generation);
    }

    /** Cancels a running request; remembers a cancel for a request not seen yet. False when nothing was running. */
    synchronized boolean cancel(String requestId) {
        Generation generation = running.get(requestId);
        if (generation != null) {
            generation.cancel();
            return true;
        }
        if (!finished.containsKey(requestId)) {
            cancelledEarly.put(requestId, Boolean.TRUE);
        }
        return false;
    }

    Collection<Generation> runningSnapshot() {
        return List.copyOf(running.values());
    }

    private static <K, V> Map<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
