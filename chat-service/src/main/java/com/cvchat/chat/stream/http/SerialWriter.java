package com.cvchat.chat.stream.http;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one stream's writer step on a short-lived task, only when there is something to do: when woken (events
 * arrived, the client left) or when its one timer fires. At most one task runs at a time for a stream (a
 * work-in-progress counter): a wake during a step runs the step once more right after it, so whatever the wakes
 * announced is handled in order by one writer, and the step's fields need no lock.
 */
final class SerialWriter {

    private final Executor writers;
    private final ScheduledExecutorService timers;
    private final Runnable step;
    private final AtomicInteger work = new AtomicInteger();
    private final Runnable drain = this::drain;
    private final Runnable wake = this::wake;

    // touched only by the step (one at a time; the counter's atomics order them)
    private ScheduledFuture<?> timer;
    private long timerAt;

    SerialWriter(Executor writers, ScheduledExecutorService timers, Runnable step) {
        this.writers = writers;
        this.timers = timers;
        this.step = step;
    }

    /** Something may be waiting: makes sure a step runs (after any running one). */
    void wake() {
        if (work.getAndIncrement() == 0) {
            writers.execute(drain);
        }
    }

    /** The same as {@link #wake}, as a task to hand to whoever announces work. */
    Runnable waker() {
        return wake;
    }

    /**
     * Called from the step: wakes it again at {@code due} ({@link System#nanoTime}). The pending timer is kept when it
     * fires no later than needed (early is fine: the step looks again), so it is moved only when it would be too late.
     */
    void wakeAt(long due) {
        long now = System.nanoTime();
        if (timer != null && timerAt - now > 0 && timerAt - due <= 0) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        timerAt = due;
        timer = timers.schedule(wake, Math.max(0, due - now), TimeUnit.NANOSECONDS);
    }

    /** Called from the step when the stream ended: no more timer. */
    void stopTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private void drain() {
        int missed = 1;
        do {
            step.run();
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }
}
