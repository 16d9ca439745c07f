package com.cvchat.platform.limits;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;

/**
 * Per-user counts in the service's MongoDB, shared by every instance and kept across restarts. The window is cut
 * into {@value #SLOTS} slots (5 s of a 1-minute window); each user has at most {@value #SLOTS} documents, one per slot,
 * {@code _id = "<userId>:<slot>"}, each holding the number of the time slice it counts ({@code bucket}), its
 * {@code requests} and {@code tokens}. A slot whose slice has left the window is reset in place when it is next used,
 * so nothing needs deleting (the local store has no TTL) and every access is by {@code _id} (no scan).
 * <p>
 * A request is counted first and checked after (one atomic {@code findAndModify} {@code $inc}), then taken back if it
 * went over: instances racing for the last request may both be refused, never both admitted.
 */
final class MongoUsageCounter implements UsageCounter {

    static final String COLLECTION = "model_usage";
    static final int SLOTS = 12;
    private static final int ATTEMPTS = 5;

    private final MongoCollection<Document> usage;
    private final ModelLimitsProperties limits;
    private final LongSupplier millis;
    private final long sliceMillis;
    private final ReentrantLock[] locks = java.util.stream.IntStream.range(0, 64).mapToObj(i -> new ReentrantLock())
            .toArray(ReentrantLock[]::new);

    MongoUsageCounter(MongoCollection<Document> usage, ModelLimitsProperties limits, LongSupplier millis) {
        this.usage = usage;
        this.limits = limits;
        this.millis = millis;
        this.sliceMillis = Math.max(1, limits.window().toMillis() / SLOTS);
    }

    @Override
    public void acquire(String userId) {
        // one user's admissions on this instance one at a time: a burst gets exactly the limit (between instances a
        // race can still refuse one that would have fitted, never admit one too many)
        ReentrantLock lock = locks[Math.floorMod(userId.hashCode(), locks.length)];
        lock.lock();
        try {
            admit(userId);
        } finally {
            lock.unlock();
        }
    }

    private void admit(String userId) {
        long now = millis.getAsLong();
        long bucket = now / sliceMillis;
        add(userId, bucket, "requests", 1);
        TreeMap<Long, long[]> window = window(userId, bucket);
        long requests = window.values().stream().mapToLong(counts -> counts[0]).sum();
        long tokens = window.values().stream().mapToLong(counts -> counts[1]).sum();
        if (requests > limits.requestsPerMinute()) {
            add(userId, bucket, "requests", -1);
            long oldest = window.entrySet().stream().filter(e -> e.getValue()[0] > 0).mapToLong(e -> e.getKey())
                    .min().orElse(bucket);
            throw new ModelLimitExceededException(limits.requestsPerMinute() + " AI requests per minute",
                    until(oldest, now));
        }
        if (tokens >= limits.tokensPerMinute()) {
            add(userId, bucket, "requests", -1);
            long remaining = tokens;
            long freeAt = bucket;
            for (var slice : window.entrySet()) {
                remaining -= slice.getValue()[1];
                if (remaining < limits.tokensPerMinute()) {
                    freeAt = slice.getKey();
                    break;
                }
            }
            throw new ModelLimitExceededException(limits.tokensPerMinute() + " AI tokens per minute",
                    until(freeAt, now));
        }
    }

    @Override
    public void record(String userId, int tokens) {
        add(userId, millis.getAsLong() / sliceMillis, "tokens", tokens);
    }

    /** How long until the slice {@code bucket} leaves the window. */
    private Duration until(long bucket, long now) {
        return Duration.ofMillis(Math.max(0, (bucket + SLOTS) * sliceMillis - now));
    }

    /** {@code $inc} of {@code field} in the user's slot of {@code bucket}, resetting the slot if it held an old slice. */
    private void add(String userId, long bucket, String field, long delta) {
        String id = userId + ":" + Math.floorMod(bucket, SLOTS);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            // gte: an instance whose clock is a little behind counts into the slice another one already started
            Document counted = usage.findOneAndUpdate(and(eq("_id", id), gte("bucket", bucket)),
                    Updates.inc(field, delta), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (counted != null || delta < 0) {
                return; // a take-back whose slice has gone already has nothing left to take back
            }
            if (usage.updateOne(and(eq("_id", id), lt("bucket", bucket)), Updates.combine(Updates.set("bucket", bucket),
                    Updates.set("requests", 0L), Updates.set("tokens", 0L))).getMatchedCount() == 0) {
                insert(id, bucket);
            }
        }
        throw new IllegalStateException("model usage slot " + id + " could not be updated");
    }

    private void insert(String id, long bucket) {
        try {
            usage.insertOne(new Document("_id", id).append("bucket", bucket).append("requests", 0L).append("tokens", 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // another instance created the slot at the same time: count into it
        }
    }

    /** The user's slices still in the window ending at {@code bucket}: slice → {requests, tokens}, oldest first. */
    private TreeMap<Long, long[]> window(String userId, long bucket) {
        List<String> ids = new ArrayList<>(SLOTS);
        for (int slot = 0; slot < SLOTS; slot++) {
            ids.add(userId + ":" + slot);
        }
        TreeMap<Long, long[]> slices = new TreeMap<>();
        for (Document slot : usage.find(in("_id", ids))) {
            long slice = number(slot.get("bucket"));
            if (slice > bucket - SLOTS) {
                slices.put(slice, new long[]{number(slot.get("requests")), number(slot.get("tokens"))});
            }
        }
        return slices;
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
