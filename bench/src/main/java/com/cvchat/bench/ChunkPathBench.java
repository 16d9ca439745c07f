package com.cvchat.bench;

import com.cvchat.localstack.ServiceProcess;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item 2 (and 8): N answers through the real llm-worker (offline provider at a fixed word pace), streamed together,
 * in three phases whose CPU is taken apart:
 * <ol>
 *   <li><b>accept</b>: the worker process is paused ({@code SIGSTOP}; its session timeout is raised so the group
 *   keeps it), N clients post a message each in their own conversation (a first message: its title is asked for too)
 *   and wait for the {@code start} event;</li>
 *   <li><b>streaming</b>: when every stream has its {@code start}, the worker goes on ({@code SIGCONT}) and answers
 *   the N requests together, until the last {@code done} — the window of the CPU per token and of the delays;</li>
 *   <li><b>storing</b>: from the last {@code done} until every answer is stored and projected ({@link StoredAnswers}).</li>
 * </ol>
 * Tokens are the offline model's words counted in each {@code chunk} event's text, so coalescing counts fairly. Every
 * chunk event is kept with its receive instant (epoch microseconds) for {@link TokenDelays}.
 */
final class ChunkPathBench {

    private static final Pattern WORD = Pattern.compile("\\S+");
    private static final Duration EVENT_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration ALL_STARTED = Duration.ofMinutes(2);
    private static final Duration STORED = Duration.ofMinutes(1);

    /**
     * One chunk event as the client got it: the answer's message id, where the chunk ends in the answer (characters,
     * as its SSE id says), its words, when (epoch µs).
     */
    record Received(String messageId, long end, int words, long epochMicros) {
    }

    /**
     * What one run delivered and what each phase cost; {@code stored}: conversations whose answer is stored (checked
     * after the storing phase was sampled).
     */
    record Run(int streams, long tokens, int answers, List<Received> chunks, int failed, StackCpu accept,
               StackCpu streaming, StackCpu storing, int stored) {

        double perToken(double cpuSeconds) {
            return cpuSeconds * 1e6 / Math.max(tokens, 1);
        }

        /** This run and {@code other} (the same number of streams, asked again) as one. */
        Run plus(Run other) {
            List<Received> both = new ArrayList<>(chunks);
            both.addAll(other.chunks);
            return new Run(streams, tokens + other.tokens, answers + other.answers, both, failed + other.failed,
                    accept.plus(other.accept), streaming.plus(other.streaming), storing.plus(other.storing),
                    stored + other.stored);
        }

        /** Milliseconds of CPU per answer. */
        double perAnswer(double cpuSeconds) {
            return cpuSeconds * 1e3 / Math.max(answers, 1);
        }
    }

    private ChunkPathBench() {
    }

    /** {@code streams} clients, client i on {@code apis[i % apis.size()]}; {@code worker} is the one llm-worker. */
    static Run run(List<String> apis, ApiClient user, int streams, ServiceProcess worker, StoredAnswers storing,
                   Supplier<StackCpu> cpu) throws Exception {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            chats.add(user.withBase(apis.get(i % apis.size())).createChat());
        }
        long epochOffsetNanos = epochOffsetNanos();
        ConcurrentLinkedQueue<Received> chunks = new ConcurrentLinkedQueue<>();
        AtomicInteger answers = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(streams);
        StackCpu begin;
        StackCpu opened;
        StackCpu streamed;
        signal(worker, "STOP");
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            begin = cpu.get();
            List<Future<?>> clients = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                ApiClient on = user.withBase(apis.get(i % apis.size()));
                String chat = chats.get(i);
                clients.add(executor.submit(() -> stream(on, chat, started, chunks, answers, failed,
                        epochOffsetNanos)));
            }
            boolean all = started.await(ALL_STARTED.toSeconds(), TimeUnit.SECONDS);
            opened = cpu.get();
            signal(worker, "CONT");
            if (!all) {
                System.out.println("  … not every stream started: " + started.getCount() + " missing");
            }
            for (Future<?> client : clients) {
                client.get();
            }
            streamed = cpu.get();
        } finally {
            signal(worker, "CONT");
        }
        boolean drained = storing.await(STORED);
        StackCpu settled = cpu.get();
        if (!drained) {
            System.out.println("  … answers not all stored after " + STORED.toSeconds() + " s");
        }
        int stored = (int) chats.stream().filter(chat -> user.withBase(apis.getFirst()).conversation(chat)
                .path("pagination").path("total_count").asInt() >= 2).count();
        long tokens = chunks.stream().mapToLong(Received::words).sum();
        return new Run(streams, tokens, answers.get(), List.copyOf(chunks), failed.get(), opened.minus(begin),
                streamed.minus(opened), settled.minus(streamed), stored);
    }

    private static Void stream(ApiClient user, String chat, CountDownLatch started,
                               ConcurrentLinkedQueue<Received> chunks,
                               AtomicInteger answers, AtomicInteger failed, long epochOffsetNanos) {
        boolean counted = false;
        try (SseClient stream = user.sendMessage(chat, "Tell me how to plan a benchmark of streaming answers?")) {
            if (stream.status() != 200) {
                failed.incrementAndGet();
            }
            for (SseEvent event = stream.next(EVENT_TIMEOUT); event != null; event = stream.next(EVENT_TIMEOUT)) {
                switch (event.type()) {
                    case "start" -> {
                        started.countDown();
                        counted = true;
                    }
                    case "chunk" -> chunks.add(received(event, epochOffsetNanos));
                    case "done" -> answers.incrementAndGet();
                    case "error" -> failed.incrementAndGet();
                    default -> {
                    }
                }
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        } finally {
            if (!counted) {
                started.countDown(); // a stream that failed does not hold the others back
            }
        }
        return null;
    }

    /** {@code kill -STOP|-CONT <pid>}: pauses or resumes the worker (the suite started it). */
    private static void signal(ServiceProcess process, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Received received(SseEvent event, long epochOffsetNanos) {
        String id = event.id(); // <message_id>:<characters of the answer up to the chunk's end>
        int colon = id.lastIndexOf(':');
        return new Received(id.substring(0, colon), Long.parseLong(id.substring(colon + 1)),
                words(event.json().path("content").asString("")), (event.receivedNanos() + epochOffsetNanos) / 1000);
    }

    /** The tokens of a chunk's text: the offline model's words. */
    static int words(String text) {
        Matcher words = WORD.matcher(text);
        int count = 0;
        while (words.find()) {
            count++;
        }
        return count;
    }

    /**
     * {@code epoch nanoseconds − System.nanoTime()} now: turns this JVM's receive instants into the wall clock that
     * the worker's envelope stamps use (one kernel clock for every process of this machine). The reading with the
     * shortest gap between the two clocks' reads of a few.
     */
    private static long epochOffsetNanos() {
        long best = Long.MAX_VALUE;
        long offset = 0;
        for (int i = 0; i < 20; i++) {
            long before = System.nanoTime();
            Instant now = Instant.now();
            long after = System.nanoTime();
            if (after - before < best) {
                best = after - before;
                offset = now.getEpochSecond() * 1_000_000_000L + now.getNano() - (before + after) / 2;
            }
        }
        return offset;
    }
}
