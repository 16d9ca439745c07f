package com.cvchat.chat.bench;

import com.cvchat.chat.support.ScriptedModel;
import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.localstack.StackConfig;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Delay from the model emitting a chunk to the SSE client parsing it, through gateway + chat-service (processes of
 * the local stack, as in production) + Kafka + fan-out, at 1, 100 and 500 concurrent streams; beside it, the raw
 * Kafka produce → consume delay on the same broker at the same message rate. A benchmark, not a test: it prints figures.
 *
 * <p>The model is {@link ScriptedModel} in this JVM with {@code [stamp]}: each chunk carries {@code System.nanoTime()}
 * taken just before it is sent, and the client (also in this JVM) stamps each event when it parses it.
 * Run: {@code ./mvnw -B -q package -DskipTests && ./mvnw -B -q verify -pl chat-service -am -Pbench -DskipTests}.
 * Settings (system properties): {@code bench.levels} (default {@code 1,100,500}), {@code bench.chunks} (20),
 * {@code bench.pace-ms} (100).
 */
public final class StreamLatencyBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private StreamLatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> levels = java.util.Arrays.stream(System.getProperty("bench.levels", "1,100,500").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        int chunks = Integer.getInteger("bench.chunks", 20);
        int paceMs = Integer.getInteger("bench.pace-ms", 100);
        Path home = Path.of(System.getProperty("bench.home", "..")).toAbsolutePath().normalize();
        Path data = Files.createTempDirectory("cvchat-bench");

        // hundreds of streams of one user: the per-user model limit (platform-common) is not what is measured here
        try (LocalStack stack = LocalStack.create(StackConfig.forTests(home, data,
                Map.of("PLATFORM_MODEL_LIMITS_ENABLED", "false")))) {
            System.out.println("Starting Kafka, the store, auth-service, chat-service and the gateway …");
            stack.startInfrastructure();
            stack.startServices(EnumSet.of(ServiceSpec.AUTH, ServiceSpec.CHAT, ServiceSpec.GATEWAY));
            String api = stack.config().url(ServiceSpec.GATEWAY) + "/api/v1";
            String bearer = "Bearer " + login(api);
            try (ScriptedModel model = ScriptedModel.start(stack.kafkaBootstrapServers());
                 RawKafkaProbe raw = new RawKafkaProbe(stack.kafkaBootstrapServers())) {
                run(api, bearer, 1, Math.min(chunks, 10), paceMs, null); // warm-up, not reported
                List<String> lines = new ArrayList<>();
                lines.add(String.format("%-8s %-8s %10s %10s %10s %10s %14s %8s", "streams", "chunks", "p50 ms",
                        "p99 ms", "max ms", "lost", "raw Kafka p99", "ratio"));
                for (int streams : levels) {
                    Percentiles sse = run(api, bearer, streams, chunks, paceMs, lines);
                    Percentiles kafka = raw.measure(streams * chunks, streams * 1000.0 / paceMs);
                    lines.add(String.format("%-8d %-8d %10.2f %10.2f %10.2f %10d %14.2f %8.1f", streams,
                            sse.count(), sse.p50(), sse.p99(), sse.max(), (long) streams * chunks - sse.count(),
                            kafka.p99(), sse.p99() / Math.max(kafka.p99(), 0.001)));
                }
                System.out.println();
                System.out.println("model emit → SSE client through gateway + Kafka + fan-out ("
                        + chunks + " chunks per stream, one every " + paceMs + " ms), "
                        + Runtime.getRuntime().availableProcessors() + " CPUs");
                lines.forEach(System.out::println);
            }
        }
    }

    /** {@code streams} answers streamed at once; the emit → parse delays of all their chunks. */
    private static Percentiles run(String api, String bearer, int streams, int chunks, int paceMs, List<String> out)
            throws Exception {
        List<String> chats = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            chats.add(createChat(api, bearer));
        }
        ConcurrentLinkedQueue<Double> delays = new ConcurrentLinkedQueue<>();
        String prompt = "Benchmark [stamp] [words=" + chunks + "] [pace=" + paceMs + "ms]";
        String body = JSON.createObjectNode().put("message", prompt).toString();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (String chat : chats) {
                running.add(executor.submit(() -> {
                    try (SseClient stream = SseClient.post(api + "/chats/" + chat + "/message", bearer, body, Map.of())) {
                        for (SseEvent event : stream.rest(Duration.ofSeconds(60))) {
                            String content = event.json().path("content").asString("");
                            if (content.startsWith("@")) {
                                delays.add((event.receivedNanos() - Long.parseLong(content.substring(1))) / 1e6);
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        return Percentiles.of(delays);
    }

    private static String login(String api) throws IOException, InterruptedException {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "Bench-Password-" + UUID.randomUUID();
        post(api + "/auth/register", null, JSON.createObjectNode().put("email", email).put("password", password)
                .put("full_name", "Bench User").toString());
        JsonNode login = post(api + "/auth/login", null,
                JSON.createObjectNode().put("email", email).put("password", password).toString());
        return login.path("access_token").asString();
    }

    private static String createChat(String api, String bearer) throws IOException, InterruptedException {
        return post(api + "/chats", bearer, null).path("data").path("id").asString();
    }

    private static JsonNode post(String url, String bearer, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
