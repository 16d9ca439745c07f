package com.cvchat.bench;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceProcess;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.localstack.StackConfig;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.llm.ScriptedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The benchmark suite of the whole path; run with {@code bench/run [--quick]} (see bench/README.md). Starts the local
 * stack (a real KRaft broker, the store, the services as processes from their packaged jars), runs items 7, 5, 1–2, 8,
 * 3, 9, 6 and 4 in that order, prints one table (item, figure, goal, met?) and writes it with the machine's description to
 * {@code bench/results/}.
 */
public final class BenchSuite {

    /** The offline model's pace for the answer path: 40 words a second, a typical model's. */
    static final String WORD_DELAY = "25ms";

    private BenchSuite() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.from(args);
        Path home = Path.of(System.getProperty("bench.home", ".")).toAbsolutePath().normalize();
        String loadBefore = MachineReport.loadAverage();
        String started = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        long suiteBegin = System.nanoTime();
        ResultTable table = new ResultTable();
        Map<String, String> env = serviceEnvironment();

        Path data = Files.createTempDirectory("cvchat-bench");
        if (settings.coldStart()) {
            System.out.println("7. whole stack cold start …");
            Path cold = Files.createTempDirectory("cvchat-bench-cold");
            double seconds = StartupBench.wholeStackColdStart(home, env, cold);
            table.add("7 stack cold start (broker, store, 6 services; fresh data; AOT caches of this build, trained if missing)",
                    String.format("%.1f s", seconds), "≤ 60 s", seconds <= 60);
            copyTree(cold.resolve("cds"), data.resolve("cds")); // the per-service starts below use the archives
        }
        try (LocalStack stack = LocalStack.create(StackConfig.forTests(home, data, env))) {
            stack.startInfrastructure();
            if (!settings.runs(7)) {
                stack.startServices(StartupBench.STAYING_UP);
            }
            if (settings.runs(7)) {
                double prepared = StartupBench.prepare(stack);
                table.add("7 prepare 6 services (extract; AOT cache training if this build has none)",
                        String.format("%.1f s", prepared));
            }
            System.out.println(settings.runs(7) ? "7. each service started alone …" : "services started");
            for (StartupBench.Service service : settings.runs(7)
                    ? StartupBench.eachAlone(stack, settings.idleSettle()) : List.<StartupBench.Service>of()) {
                table.add("7 start " + service.spec().module() + " (launch → UP; JVM's own figure)",
                        String.format("%.1f s (%.1f s)", service.toHealthySeconds(), service.jvmSeconds()), "≤ 5 s",
                        service.toHealthySeconds() <= 5);
                table.add("7 idle RSS " + service.spec().module(), String.format("%.0f MiB", service.idleRssMib()),
                        "≤ 300 MiB", service.idleRssMib() <= 300);
            }
            // before anything else reaches llm.requests: a new worker group starts from the earliest offset
            if (settings.runs(5)) {
                System.out.println("5. worker scaling …");
                WorkerScalingBench.report(settings, table, stack);
            }
            String gateway = stack.config().url(ServiceSpec.GATEWAY) + "/api/v1";
            ApiClient user = ApiClient.at(gateway)
                    .withToken(ApiClient.at(gateway).signUp("bench", "Bench User").accessToken());
            String bearer = user.bearer();
            if (settings.runsAnswerPath()) {
                answerPath(settings, table, stack, user);
            }
            if (settings.runs(6) || settings.runs(4)) {
                try (ScriptedModel scripted = ScriptedModel.start(stack.kafkaBootstrapServers())) {
                    if (settings.runs(6)) {
                        System.out.println("6. voice …");
                        VoiceBench.Result voice = VoiceBench.run(gateway, bearer, settings.voiceSessions());
                        table.add("6 voice stop_talking → final_transcript p50/p99 (" + voice.finalTranscript().count()
                                + " sessions, " + voice.failed() + " failed)", voice.finalTranscript().p50p99());
                        table.add("6 voice stop_talking → first ai_response p50/p99", voice.firstAnswer().p50p99());
                        VoiceRecognitionBench.report(table, stack, bearer, settings.quick());
                    }
                    if (settings.runs(4)) {
                        System.out.println("4. connections …");
                        connections(settings, table, stack, user);
                    }
                }
            }
        }
        String loadAfter = MachineReport.loadAverage();
        String report = MachineReport.header(settings, started, loadBefore, loadAfter,
                (System.nanoTime() - suiteBegin) / 1e9)
                + "\n" + table.render();
        System.out.println();
        System.out.println(report);
        Path results = home.resolve("bench").resolve("results");
        Files.createDirectories(results);
        Path file = results.resolve(started.replace(' ', '-').replace(":", "") + "-" + settings.mode() + ".md");
        Files.writeString(file, report);
        System.out.println("Written to " + home.relativize(file));
        System.exit(0); // nothing else to wait for
    }

    /**
     * Items 1–3, 8 and 9 with the real llm-worker (offline provider at {@link #WORD_DELAY} per word, room for every
     * stream: a model server's capacity is not what is measured) and cv-builder-service running: the whole stack. The
     * worker is stopped afterwards: items 6 and 4 use the scripted model, which would otherwise compete with it for
     * {@code llm.requests}.
     */
    private static void answerPath(BenchSettings s, ResultTable table, LocalStack stack, ApiClient user)
            throws Exception {
        String gateway = user.base();
        ServiceProcess worker = stack.startInstance(ServiceSpec.LLM_WORKER, "llm-worker", Map.of(
                "LLM_OFFLINE_WORD_DELAY", WORD_DELAY, "LLM_WORKER_MAXINFLIGHT", "4000",
                "LLM_WORKER_MAXQUEUED", "8000",
                // item 2 pauses the worker while the streams open: the group must keep it meanwhile
                "SPRING_APPLICATION_JSON", "{\"spring.kafka.consumer.properties.session.timeout.ms\": \"180000\"}"));
        ServiceProcess builder = stack.startInstance(ServiceSpec.CV_BUILDER, "cv-builder-service", Map.of());
        try {
            AnswerPathItems items = new AnswerPathItems(s, table, stack, user, worker);
            if (s.runs(1) || s.runs(2)) {
                items.levels(gateway);
            }
            if (s.runs(8)) {
                items.scaleOut(s.streamLevels().getLast(), s.chatInstances(), s.runs(1) || s.runs(2));
            }
            if (s.runs(3)) {
                System.out.println("3. accept …");
                if (!s.runs(1) && !s.runs(2) && !s.runs(8)) {
                    items.warmUp(List.of(gateway));
                }
                AcceptBench.report(s, table, user);
            }
            if (s.runs(9)) {
                System.out.println("9. the stack at rest (" + s.restSettle().toSeconds() + " s after the last request, "
                        + "then " + s.restWindow().toSeconds() + " s measured) …");
                IdleBench.report(s, table, stack);
            }
        } finally {
            worker.close();
            builder.close();
        }
    }

    private static void connections(BenchSettings s, ResultTable table, LocalStack stack, ApiClient user)
            throws InterruptedException {
        ConnectionsBench.Result result = ConnectionsBench.run(user, s.connections(), s.connectionStep(),
                s.connectionHold(), stack.instance(ServiceSpec.GATEWAY),
                stack.instance(ServiceSpec.CHAT));
        ConnectionsBench.Step zero = result.steps().getFirst();
        ConnectionsBench.Step top = result.best();
        boolean allHeld = result.heldWithHeartbeat() == result.target() && result.failedToOpen() == 0
                && result.endedEarly() == 0;
        table.add("4 SSE streams held with heartbeats (gateway + chat-service)",
                String.format("%d of %d (failed to open %d, ended early %d)", result.heldWithHeartbeat(),
                        result.target(), result.failedToOpen(), result.endedEarly()),
                "10,000, no errors", allHeld && result.target() >= 10_000);
        double thousands = Math.max(top.open(), 1) / 1000.0;
        for (String name : List.of("gateway", "chat-service")) {
            ProcessStats before = name.equals("gateway") ? zero.gateway() : zero.chat();
            ProcessStats after = name.equals("gateway") ? top.gateway() : top.chat();
            table.add("4 " + name + " heap after GC at " + top.open() + " streams (per 1,000)",
                    String.format("%.0f MiB (%.1f MiB)", after.heapMib(), (after.heapMib() - before.heapMib()) / thousands),
                    "≤ 1 GiB", after.heapMib() <= 1024);
            table.add("4 " + name + " RSS at " + top.open() + " streams (per 1,000)",
                    String.format("%.0f MiB (%.1f MiB)", after.rssMib(), (after.rssMib() - before.rssMib()) / thousands));
            table.add("4 " + name + " open files; GC pauses (count, total, max)",
                    String.format("%d; %d, %.0f ms, %.0f ms", after.openFiles(), after.gcCount() - before.gcCount(),
                            after.gcTotalMs() - before.gcTotalMs(), after.gcPauseMaxMs()));
        }
    }

    /** The services' environment during the suite (see bench/README.md for why each). */
    static Map<String, String> serviceEnvironment() {
        return Map.of(
                "GATEWAY_RATE_LIMIT_ADDRESS_CAPACITY", "1000000",
                "GATEWAY_RATE_LIMIT_ADDRESS_PER_SECOND", "1000000",
                "GATEWAY_RATE_LIMIT_USER_CAPACITY", "1000000",
                "GATEWAY_RATE_LIMIT_USER_PER_SECOND", "1000000",
                // hundreds of streams of one user: the per-user model limit is not what is measured here
                "PLATFORM_MODEL_LIMITS_ENABLED", "false",
                "CHAT_STREAM_HEARTBEAT", BenchSettings.HEARTBEAT.toString(),
                "CHAT_STREAM_IDLE_TIMEOUT", "PT10M",
                // the goal's heap bound; BENCH_JAVA_OPTIONS adds flags to try (e.g. a recording, another JIT or GC)
                // full tiered JIT, as a service in a container runs (the local stack's default is C1 only, for start-up)
                ServiceProcess.JAVA_OPTIONS, ("-Xmx1g -XX:TieredStopAtLevel=4 "
                        + System.getenv().getOrDefault("BENCH_JAVA_OPTIONS", "")).strip(),
                "LLM_PROVIDER", "offline");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        Files.createDirectories(to);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(from)) {
            list.forEach(files::add);
        }
        for (Path file : files) {
            Files.copy(file, to.resolve(file.getFileName()));
        }
    }
}
