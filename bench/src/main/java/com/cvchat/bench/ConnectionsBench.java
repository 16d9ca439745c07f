package com.cvchat.bench;

import com.cvchat.localstack.ServiceProcess;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.sse.SseLines;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Item 4: how many SSE streams one gateway + one chat-service hold open at once. Each stream is a real answer that
 * waits for a model that stays silent ({@code [pace=…]} of an hour), so the connection is held by the heartbeat
 * comments chat-service sends while idle. The client is the JDK's non-blocking HttpClient (one selector thread for
 * every connection). Streams are opened in steps; after each step both services are measured (heap after a full GC,
 * resident memory, open files, GC pauses). At the end the streams are held for a while and each must have received
 * its {@code start} event and at least one heartbeat after it, and still be open. A step that loses streams, or does
 * not open them within {@link #STEP_TIMEOUT}, ends the ramp: the figures are then those of the best step.
 */
final class ConnectionsBench {

    /** Figures after {@code open} streams are established. */
    record Step(int open, ProcessStats gateway, ProcessStats chat) {

        /** Both services answered the metrics scrape. */
        boolean measured() {
            return !Double.isNaN(gateway.heapMib()) && !Double.isNaN(chat.heapMib());
        }
    }

    record Result(int target, int opened, int failedToOpen, int endedEarly, int heldWithHeartbeat, List<Step> steps) {

        /**
         * The step with the most streams open whose figures could be read (the last one, unless the ramp broke down or
         * a service could not answer the scrape at the top: a gateway at its open-file limit accepts no connection).
         */
        Step best() {
            return steps.stream().filter(Step::measured).max(java.util.Comparator.comparingInt(Step::open))
                    .orElse(steps.getFirst());
        }
    }

    private static final int CREATING_AT_ONCE = 32;
    /** A step that has not opened its streams by then ends the ramp (a service out of memory answers no more). */
    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    private ConnectionsBench() {
    }

    static Result run(ApiClient user, int target, int step, Duration hold, ServiceProcess gateway,
                      ServiceProcess chat) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        List<Watcher> watchers = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(0, ProcessStats.afterGc(gateway), ProcessStats.afterGc(chat)));
        var body = ApiClient.body().put("message", "Hold the line [words=1] [pace=3600000ms]");
        Semaphore creating = new Semaphore(CREATING_AT_ONCE);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            while (watchers.size() < target) {
                int goal = Math.min(target, watchers.size() + step);
                List<Watcher> batch = new ArrayList<>();
                long stepDeadline = System.nanoTime() + STEP_TIMEOUT.toNanos();
                while (watchers.size() + batch.size() < goal && System.nanoTime() < stepDeadline) {
                    Watcher watcher = new Watcher();
                    batch.add(watcher);
                    creating.acquire();
                    executor.submit(() -> {
                        try {
                            HttpRequest request = user.request("POST", "/chats/" + user.createChat() + "/message",
                                    body, "Accept", "text/event-stream").build();
                            watcher.open(client, request).whenComplete((r, e) -> {
                                if (e != null || r.statusCode() != 200) {
                                    watcher.failed.set(1);
                                }
                            });
                        } catch (RuntimeException e) {
                            watcher.failed.set(1);
                        } finally {
                            creating.release();
                        }
                    });
                }
                watchers.addAll(batch);
                awaitStarted(batch, Duration.ofSeconds(120));
                int open = (int) watchers.stream().filter(Watcher::isOpen).count();
                steps.add(new Step(open, ProcessStats.afterGc(gateway), ProcessStats.afterGc(chat)));
                System.out.printf("  connections: %d open (%d asked), gateway %s, chat-service %s%n", open,
                        watchers.size(), steps.getLast().gateway(), steps.getLast().chat());
                if (open < goal) {
                    System.out.println("  connections: streams were lost or not opened in this step; the ramp stops");
                    break;
                }
            }
        }
        watchers.forEach(Watcher::markHoldStart);
        LockSupport.parkNanos(hold.toNanos()); // the hold is the measurement itself, not a wait for an outcome
        int held = (int) watchers.stream().filter(w -> w.isOpen() && w.heartbeatsSinceHold() > 0).count();
        int failedToOpen = (int) watchers.stream().filter(w -> w.failed.get() > 0 || !w.started).count()
                + (target - watchers.size());
        int endedEarly = (int) watchers.stream().filter(w -> w.started && w.ended()).count();
        watchers.forEach(Watcher::hangUp);
        return new Result(target, (int) watchers.stream().filter(w -> w.started).count(), failedToOpen, endedEarly,
                held, steps);
    }

    private static void awaitStarted(List<Watcher> batch, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline
                && batch.stream().anyMatch(w -> !w.started && w.failed.get() == 0 && !w.ended())) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** Reads one stream's lines: notes the {@code start} event, counts heartbeat comments ({@link SseLines}: the end). */
    private static final class Watcher extends SseLines {
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicInteger heartbeats = new AtomicInteger();
        private volatile boolean started;
        private volatile int heartbeatsAtHold;

        @Override
        protected void onLine(String line) {
            if (line.startsWith(":")) {
                heartbeats.incrementAndGet();
            } else if (line.startsWith("data:") && line.contains("\"start\"")) {
                started = true;
            }
        }

        boolean isOpen() {
            return started && !ended() && failed.get() == 0;
        }

        void markHoldStart() {
            heartbeatsAtHold = heartbeats.get();
        }

        int heartbeatsSinceHold() {
            return heartbeats.get() - heartbeatsAtHold;
        }
    }
}
