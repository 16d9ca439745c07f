package com.cvchat.platform.replies;

import com.cvchat.events.llm.LlmResponseEvent;

import java.util.List;
import java.util.Set;

/**
 * One asker's interest in the answers of a few requests (an answer and its title, say) on one reply partition. Its
 * events come from the instance's live reply consumer while the instance owns that partition, otherwise from a
 * {@link ReplyReader} that follows the partition. Each record is handed over at most once: a record below the next
 * expected offset (seen again after a hand-over) is dropped. Close it when the answer no longer interests anyone.
 */
public final class Subscription implements AutoCloseable {

    /** Where a subscription is held; told when it closes. */
    interface Holder {
        void release(Subscription subscription);
    }

    private final int partition;
    private final List<String> requestIds;
    private final ReplyHandler handler;
    private volatile long nextOffset;
    private volatile boolean closed;
    private volatile Holder holder;

    Subscription(int partition, long fromOffset, Set<String> requestIds, ReplyHandler handler) {
        this.partition = partition;
        this.nextOffset = fromOffset;
        this.requestIds = List.copyOf(requestIds);
        this.handler = handler;
    }

    int partition() {
        return partition;
    }

    List<String> requestIds() {
        return requestIds;
    }

    long nextOffset() {
        return nextOffset;
    }

    boolean closed() {
        return closed;
    }

    void heldBy(Holder next) {
        holder = next;
    }

    /** Hands one event over; false when it was already handed over (or the subscription is closed). */
    boolean deliver(long offset, LlmResponseEvent event) {
        if (closed || offset < nextOffset) {
            return false;
        }
        nextOffset = offset + 1;
        handler.onReply(event);
        return true;
    }

    @Override
    public void close() {
        closed = true;
        Holder current = holder;
        if (current != null) {
            current.release(this);
        }
    }
}
