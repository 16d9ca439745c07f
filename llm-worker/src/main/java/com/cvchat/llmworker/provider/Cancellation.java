package com.cvchat.llmworker.provider;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The stop signal of one generation. {@link #cancel()} sets the flag, runs the registered hooks (closing an HTTP
 * stream, cancelling a call) and interrupts the generating thread, so blocking reads and waits end at once.
 */
public final class Cancellation {

    private final List<Runnable> hooks = new CopyOnWriteArrayList<>();
    private volatile boolean cancelled;
    private volatile Thread worker;

    /** Binds the thread that runs the generation (interrupted on cancel). */
    public void bind(Thread thread) {
        this.worker = thread;
        if (cancelled) {
            thread.interrupt();
        }
    }

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        hooks.forEach(Cancellation::runQuietly);
        Thread thread = worker;
        if (thread != null) {
            thread.interrupt();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Registers an action run on cancel; runs it at once when already cancelled. Returns a handle to remove it. */
    public AutoCloseable onCancel(Runnable hook) {
        hooks.add(hook);
        if (cancelled) {
            runQuietly(hook);
        }
        return () -> hooks.remove(hook);
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new GenerationCancelled();
        }
    }

    /** Waits {@code delay} unless cancelled first. */
    public void sleep(Duration delay) {
        throwIfCancelled();
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GenerationCancelled();
        }
        throwIfCancelled();
    }

    private static void runQuietly(Runnable hook) {
        try {
            hook.run();
        } catch (RuntimeException ignored) {
            // a failing hook must not stop the others
        }
    }
}
