package com.cvchat.bench;

import com.cvchat.events.llm.LlmTask;
import com.cvchat.platform.test.llm.ScriptedModel;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;

import org.awaitility.Awaitility;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Items 2 and 3: the delay from the model emitting a chunk to the SSE client parsing it, and from the POST to the
 * first {@code chunk} event. The model is {@link ScriptedModel} in this JVM with {@code [stamp]}: each chunk's text is
 * {@code @<System.nanoTime() just before it is sent>}, and the client (also in this JVM, one virtual thread per stream
 * reading a real socket) stamps each event when it has parsed it.
 *
 * <p>Item 2 measures N streams that are open at once: every answer waits behind a gate of the model until all N
 * requests have reached it (so opening the streams — the POSTs, stores and publishes that item 3 measures — is not
 * mixed into the chunk delays), then all stream together. Independent answers do not emit in lockstep: stream i's
 * chunks leave at {@code i × pace / N} into each pace period (the phases spread evenly), unless {@code lockstep}.
 */
final class ChunkPathBench {

    /**
     * The delays of one run; {@code lost} counts chunks that never arrived, {@code failed} streams that broke;
     * {@code cpuSeconds} what each entry of the sampled list used from the gate's opening until every answer was
     * streamed and stored, {@code streamingCpuSeconds} until the last stream ended ({@code streamingSeconds} of wall
     * time): the span in which the chunks' delays arise.
     */
    record Run(Percentiles delays, int lost, int failed, double[] cpuSeconds, double[] streamingCpuSeconds,
               double streamingSeconds) {
    }

    private static final Duration ALL_REQUESTED = Duration.ofMinutes(3);

    private ChunkPathBench() {
    }

    /**
     * {@code streams} answers at once through {@code api}, each {@code chunks} chunks one every {@code paceMs};
     * {@code cpu} samples the CPU seconds of the processes of interest.
     */
    static Run run(String api, String bearer, ScriptedModel model, int streams, int chunks, int paceMs,
                   boolean lockstep, Supplier<double[]> cpu) throws Exception {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            chats.add(Api.createChat(api, bearer));
        }
        String gate = "bench-" + UUID.randomUUID();
        ConcurrentLinkedQueue<Double> delays = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        double[] cpuBefore;
        double[] cpuStreamed;
        long gateOpened;
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                String chat = chats.get(i);
                long phase = lockstep ? 0 : (long) i * paceMs / streams;
                String body = Api.messageBody("Benchmark [stamp] [words=" + chunks + "] [pace=" + paceMs + "ms] [gate="
                        + gate + "] [phase=" + phase + "ms]");
                running.add(executor.submit(() -> {
                    try (SseClient stream = SseClient.post(api + "/chats/" + chat + "/message", bearer, body, Map.of())) {
                        if (stream.status() != 200) {
                            failed.incrementAndGet();
                            return null;
                        }
                        for (SseEvent event : stream.rest(Duration.ofSeconds(60))) {
                            String content = event.json().path("content").asString("");
                            if (content.startsWith("@")) {
                                delays.add((event.receivedNanos() - Long.parseLong(content.substring(1))) / 1e6);
                            }
                        }
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    return null;
                }));
            }
            Awaitility.await().atMost(ALL_REQUESTED).pollInterval(Duration.ofMillis(20)).until(() -> model.requests()
                    .stream().filter(r -> r.task() != LlmTask.TITLE && r.prompt().contains(gate)).count() == streams);
            cpuBefore = cpu.get();
            gateOpened = System.nanoTime();
            model.openGate(gate);
            for (Future<?> future : running) {
                future.get();
            }
            cpuStreamed = cpu.get();
        }
        double streamingSeconds = (System.nanoTime() - gateOpened) / 1e9;
        // every answer stored (the persister runs behind the streams): the CPU of storing them counts, and the next
        // run starts on a quiet service
        Awaitility.await().atMost(ALL_REQUESTED).pollInterval(Duration.ofMillis(100))
                .until(() -> chats.stream().allMatch(chat -> Api.storedMessages(api, bearer, chat) >= 2));
        return new Run(Percentiles.of(delays), streams * chunks - delays.size(), failed.get(),
                minus(cpu.get(), cpuBefore), minus(cpuStreamed, cpuBefore), streamingSeconds);
    }

    private static double[] minus(double[] after, double[] before) {
        double[] used = new double[after.length];
        for (int i = 0; i < used.length; i++) {
            used[i] = after[i] - before[i];
        }
        return used;
    }

    /**
     * A plain request through each API, {@code samples} times alternating: {@code GET /chats/{id}} of one conversation
     * (token check, one owned-conversation read, one page of messages) — what one hop costs without streaming.
     */
    static List<Percentiles> plainRequest(List<String> apis, String bearer, int samples) {
        List<List<Double>> times = apis.stream().<List<Double>>map(a -> new ArrayList<>()).toList();
        String chat = Api.createChat(apis.getFirst(), bearer);
        for (int i = 0; i < samples; i++) {
            for (int a = 0; a < apis.size(); a++) {
                long begin = System.nanoTime();
                Api.storedMessages(apis.get(a), bearer, chat);
                times.get(a).add((System.nanoTime() - begin) / 1e6);
            }
        }
        return times.stream().map(Percentiles::of).toList();
    }

    /**
     * POST → first {@code chunk} event, {@code samples} times one after another, alternating between the two APIs
     * (through the gateway and direct) so both see the same machine load. The model answers at once (pace 0).
     */
    static List<Percentiles> firstChunk(List<String> apis, String bearer, int samples) {
        List<List<Double>> times = apis.stream().<List<Double>>map(a -> new ArrayList<>()).toList();
        String body = Api.messageBody("First chunk [words=2] [pace=0ms]");
        for (int i = 0; i < samples; i++) {
            for (int a = 0; a < apis.size(); a++) {
                String api = apis.get(a);
                String chat = Api.createChat(api, bearer);
                long begin = System.nanoTime();
                try (SseClient stream = SseClient.post(api + "/chats/" + chat + "/message", bearer, body, Map.of())) {
                    for (SseEvent event = stream.next(Duration.ofSeconds(30)); event != null;
                         event = stream.next(Duration.ofSeconds(30))) {
                        if ("chunk".equals(event.type())) {
                            times.get(a).add((event.receivedNanos() - begin) / 1e6);
                            break;
                        }
                    }
                }
            }
        }
        return times.stream().map(Percentiles::of).toList();
    }
}
