package com.cvchat.llmworker.provider.openai;

import java.time.Duration;

/** Runs {@code onIdle} (closing the stream) when nothing arrived for {@code timeout}; the JDK client has no read timeout. */
final class IdleWatchdog implements AutoCloseable {

    private final long timeoutNanos;
    private final Thread thread;
    private volatile long lastActivity = System.nanoTime();
    private volatile boolean fired;
    private volatile boolean closed;

    IdleWatchdog(Duration timeout, Runnable onIdle) {
        this.timeoutNanos = timeout.toNanos();
        long tick = Math.max(10, Math.min(250, timeout.toMillis() / 4));
        this.thread = Thread.ofVirtual().name("llm-idle-watchdog").start(() -> {
            try {
                while (!closed) {
                    Thread.sleep(tick);
                    if (!closed && System.nanoTime() - lastActivity > timeoutNanos) {
                        fired = true;
                        onIdle.run();
                        return;
                    }
                }
            } catch (InterruptedException ignored) {
                // closed
            }
        });
    }

    void touch() {
        lastActivity = System.nanoTime();
    }

    boolean fired() {
        return fired;
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
