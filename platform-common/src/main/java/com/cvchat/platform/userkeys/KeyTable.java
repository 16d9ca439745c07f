package com.cvchat.platform.userkeys;

import com.cvchat.events.sealing.DataKey;

import javax.crypto.spec.SecretKeySpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of {@code user.keys} as this instance has read it (the model: Kafka Streams' global table): users' usable
 * data keys in log order, the erased users, every live key id, and how far {@link KeyLogReader} has read each
 * partition. Only the reader changes it; request threads read it and may wait (bounded) until the reader got to an
 * offset. The lock is never held during I/O.
 */
final class KeyTable {

    /** What applying a record asks of the reader. */
    enum Outcome { NONE, USER_ERASED, KEY_AFTER_ERASURE }

    private final MasterKey masterKey;
    private final Map<String, Map<String, DataKey>> usable = new HashMap<>();
    private final Map<String, Set<String>> live = new HashMap<>();
    private final Set<String> erased = new HashSet<>();
    private long[] positions = new long[0];
    private long[] restoreTo;
    private boolean restored;
    private long rounds;

    KeyTable(MasterKey masterKey) {
        this.masterKey = masterKey;
    }

    /** Applies one record; a key the master key cannot unwrap is live (it can be destroyed) but not usable. */
    synchronized Outcome apply(RecordKey key, byte[] value) {
        String userId = key.userId();
        switch (key) {
            case RecordKey.Erasure e -> {
                if (value == null) {
                    return Outcome.NONE;
                }
                usable.remove(userId);
                erased.add(userId);
                return Outcome.USER_ERASED;
            }
            case RecordKey.DataKeyId k when value == null -> {
                Optional.ofNullable(usable.get(userId)).ifPresent(keys -> keys.remove(k.keyId()));
                Optional.ofNullable(live.get(userId)).ifPresent(ids -> ids.remove(k.keyId()));
                return Outcome.NONE;
            }
            case RecordKey.DataKeyId k -> {
                live.computeIfAbsent(userId, u -> new LinkedHashSet<>()).add(k.keyId());
                if (erased.contains(userId)) {
                    return Outcome.KEY_AFTER_ERASURE;
                }
                String wrapped = UserKeysTopic.parse(value).path("wrapped_key").asString();
                byte[] material = masterKey.unwrap(userId, k.keyId(), wrapped);
                usable.computeIfAbsent(userId, u -> new LinkedHashMap<>())
                        .putIfAbsent(k.keyId(), new DataKey(k.keyId(), new SecretKeySpec(material, "AES")));
                return Outcome.NONE;
            }
        }
    }

    /** The user's first usable key in log order (the one every instance seals with). */
    synchronized Optional<DataKey> firstKey(String userId) {
        if (erased.contains(userId)) {
            throw new UserErasedException(userId);
        }
        Map<String, DataKey> keys = usable.get(userId);
        return keys == null ? Optional.empty() : keys.values().stream().findFirst();
    }

    synchronized DataKey key(String userId, String keyId) {
        Map<String, DataKey> keys = usable.get(userId);
        return keys == null ? null : keys.get(keyId);
    }

    /** Whether {@code keyId} of {@code userId} was read (usable or not) and not destroyed. */
    synchronized boolean known(String userId, String keyId) {
        Set<String> ids = live.get(userId);
        return ids != null && ids.contains(keyId);
    }

    synchronized Set<String> liveKeyIds(String userId) {
        return Set.copyOf(live.getOrDefault(userId, Set.of()));
    }

    synchronized boolean isErased(String userId) {
        return erased.contains(userId);
    }

    /** The reader starts (again) from the beginning; restored once it reached these end offsets. */
    synchronized void restoring(long[] endOffsets) {
        if (positions.length != endOffsets.length) {
            positions = new long[endOffsets.length];
        }
        restoreTo = endOffsets.clone();
        progressed(positions);
    }

    /** The reader's positions after a poll (the next offset to read, per partition). */
    synchronized void progressed(long[] next) {
        for (int p = 0; p < next.length && p < positions.length; p++) {
            positions[p] = Math.max(positions[p], next[p]);
        }
        if (!restored && restoreTo != null) {
            boolean all = true;
            for (int p = 0; p < restoreTo.length; p++) {
                all &= positions[p] >= restoreTo[p];
            }
            restored = all;
        }
        rounds++;
        notifyAll();
    }

    /** Waits until the table holds everything the topic held when the reader started; false on time-out. */
    synchronized boolean awaitRestored(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!restored) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    /** Waits until the record at {@code offset} of {@code partition} is applied; false on time-out. */
    synchronized boolean awaitApplied(int partition, long offset, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (partition >= positions.length || positions[partition] <= offset) {
            if (!waitUntil(deadline)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until {@code keyId} of {@code userId} was read, the user erased, or the reader has polled twice more with
     * the table restored (a key acknowledged before this call is then applied); bounded by {@code timeout}.
     */
    synchronized DataKey awaitKey(String userId, String keyId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long polledTwice = rounds + 2;
        while (!known(userId, keyId) && !erased.contains(userId) && (!restored || rounds < polledTwice)) {
            if (!waitUntil(deadline)) {
                break;
            }
        }
        return erased.contains(userId) ? null : key(userId, keyId);
    }

    private boolean waitUntil(long deadline) throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            return false;
        }
        wait(Math.max(1, left / 1_000_000));
        return true;
    }
}
