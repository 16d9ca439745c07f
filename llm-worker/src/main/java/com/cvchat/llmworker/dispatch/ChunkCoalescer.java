package com.cvchat.llmworker.dispatch;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Joins the pieces of one answer into fewer chunks: a piece goes out at once when the last chunk left at least the
 * window ago (the first piece of an answer always does); otherwise it is held until the window has passed since that
 * chunk, or until the held text reaches the size bound. {@link #close} sends what is held, so nothing is held past
 * the answer's last event. Order is kept: every send happens under this object's lock.
 */
final class ChunkCoalescer {

    private final long windowNanos;
    private final int maxBytes;
    private final ScheduledExecutorService timer;
    private final Consumer<String> send;
    private final StringBuilder held = new StringBuilder();
    private int heldBytes;
    private long lastSend;
    private boolean sentAny;
    private boolean closed;
    private ScheduledFuture<?> pending;

    ChunkCoalescer(long windowNanos, int maxBytes, ScheduledExecutorService timer, Consumer<String> send) {
        this.windowNanos = windowNanos;
        this.maxBytes = maxBytes;
        this.timer = timer;
        this.send = send;
    }

    synchronized void add(String piece) {
        if (closed) {
            return;
        }
        held.append(piece);
        heldBytes += utf8Length(piece);
        long now = System.nanoTime();
        if (!sentAny || now - lastSend >= windowNanos || heldBytes >= maxBytes) {
            flush(now);
        } else if (pending == null) {
            pending = timer.schedule(this::windowPassed, lastSend + windowNanos - now, TimeUnit.NANOSECONDS);
        }
    }

    /** Sends what is held; nothing is sent after this. */
    synchronized void close() {
        if (!closed) {
            flush(System.nanoTime());
            closed = true;
        }
    }

    /** Drops what is held without sending it (the request was handed back to another worker). */
    synchronized void discard() {
        closed = true;
        cancelTimer();
        held.setLength(0);
    }

    private synchronized void windowPassed() {
        pending = null;
        if (!closed) {
            flush(System.nanoTime());
        }
    }

    private void flush(long now) {
        cancelTimer();
        if (held.isEmpty()) {
            return;
        }
        String text = held.toString();
        held.setLength(0);
        heldBytes = 0;
        lastSend = now;
        sentAny = true;
        send.accept(text);
    }

    private void cancelTimer() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    private static int utf8Length(String text) {
        int bytes = text.length();
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return bytes;
    }
}
