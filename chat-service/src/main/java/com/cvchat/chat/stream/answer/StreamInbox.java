package com.cvchat.chat.stream.answer;

import com.cvchat.events.llm.LlmResponseEvent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The response events waiting for one stream's writer, in arrival order. Whoever delivers (the reply consumer, a
 * replay) only appends and signals: it never writes to a socket, so a slow client holds up nobody. The buffer is
 * bounded ({@code chat.stream.buffered-events}); an event beyond the bound is dropped and the inbox is marked
 * overflowed, which makes the writer end that client's stream (it can resume with {@code Last-Event-ID}: every
 * event stays on the log). A replay, which reads the log on its own thread, waits for room instead
 * ({@link #put}). Events that arrive before a writer listens are kept for it.
 */
public final class StreamInbox {

    private final Queue<LlmResponseEvent> events = new ConcurrentLinkedQueue<>();
    private final Semaphore room;
    private volatile boolean overflowed;
    private volatile Runnable listener;

    StreamInbox(int capacity) {
        this.room = new Semaphore(capacity);
    }

    /** Appends {@code event} (or marks the inbox overflowed when it is full) and tells the writer. */
    public void offer(LlmResponseEvent event) {
        if (room.tryAcquire()) {
            events.add(event);
        } else {
            overflowed = true;
        }
        signal();
    }

    /** Appends {@code event}, waiting for room while the writer catches up; false if {@code stop} said so first. */
    public boolean put(LlmResponseEvent event, BooleanSupplier stop) throws InterruptedException {
        while (!room.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            if (stop.getAsBoolean()) {
                return false;
            }
        }
        events.add(event);
        signal();
        return true;
    }

    private void signal() {
        Runnable current = listener;
        if (current != null) {
            current.run();
        }
    }

    /** The oldest waiting event, or null. */
    public LlmResponseEvent poll() {
        LlmResponseEvent event = events.poll();
        if (event != null) {
            room.release();
        }
        return event;
    }

    public boolean overflowed() {
        return overflowed;
    }

    /** Calls {@code onArrival} after each offer from now on, and once now if something is already waiting. */
    public void listen(Runnable onArrival) {
        listener = onArrival;
        if (!events.isEmpty() || overflowed) {
            onArrival.run();
        }
    }
}
