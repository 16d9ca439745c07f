package com.cvchat.cvbuilder.document.render;

import com.cvchat.platform.web.ApiException;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs PDF and DOCX rendering (CPU-bound) on a small fixed pool with a bounded queue, so a burst of exports takes
 * at most {@code threads} cores and never the threads that serve other users' requests. A full queue answers 503 at
 * once; a render that does not finish in time answers 503 and is cancelled.
 */
@Component
public class RenderPool {

    private final ThreadPoolExecutor executor;
    private final Duration timeout;

    public RenderPool(@Value("${documents.render.threads:2}") int threads,
                      @Value("${documents.render.queue:32}") int queue,
                      @Value("${documents.render.timeout:30s}") Duration timeout) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "document-render-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        this.timeout = timeout;
    }

    public <T> T run(Supplier<T> work) {
        Future<T> future;
        try {
            future = executor.submit(work::get);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw busy();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Rendering failed", e.getCause());
        }
    }

    /** Exports waiting for a render thread. */
    public int queued() {
        return executor.getQueue().size();
    }

    private static ApiException busy() {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "The document renderer is busy. Please try again shortly.");
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
