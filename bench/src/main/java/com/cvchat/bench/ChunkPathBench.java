package com.cvchat.bench;

import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Items 2 and 3: the delay from the model emitting a chunk to the SSE client parsing it, and from the POST to the
 * first {@code chunk} event. The model is {@link com.cvchat.platform.test.llm.ScriptedModel} in this JVM with
 * {@code [stamp]}: each chunk's text is {@code @<System.nanoTime() just before it is sent>}, and the client (also in
 * this JVM, one virtual thread per stream reading a real socket) stamps each event when it has parsed it.
 */
final class ChunkPathBench {

    /** The delays of one run; {@code lost} counts chunks that never arrived, {@code failed} streams that broke. */
    record Run(Percentiles delays, int lost, int failed) {
    }

    private ChunkPathBench() {
    }

    /** {@code streams} answers at once through {@code api}, each {@code chunks} chunks one every {@code paceMs}. */
    static Run run(String api, String bearer, int streams, int chunks, int paceMs) throws Exception {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            chats.add(Api.createChat(api, bearer));
        }
        ConcurrentLinkedQueue<Double> delays = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        String body = Api.messageBody("Benchmark [stamp] [words=" + chunks + "] [pace=" + paceMs + "ms]");
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (String chat : chats) {
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
            for (Future<?> future : running) {
                future.get();
            }
        }
        return new Run(Percentiles.of(delays), streams * chunks - delays.size(), failed.get());
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
