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
        String loadBefore = loadAverage();
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
                workers(settings, table, stack);
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
        String loadAfter = loadAverage();
        String report = header(settings, started, loadBefore, loadAfter, (System.nanoTime() - suiteBegin) / 1e9)
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
                accept(s, table, user);
            }
            if (s.runs(9)) {
                System.out.println("9. the stack at rest (" + s.restSettle().toSeconds() + " s after the last request, "
                        + "then " + s.restWindow().toSeconds() + " s measured) …");
                rest(s, table, stack);
            }
        } finally {
            worker.close();
            builder.close();
        }
    }

    private static void accept(BenchSettings s, ResultTable table, ApiClient user) {
        AcceptBench.Result r = AcceptBench.run(user, s.acceptConversations(), s.acceptLater());
        table.add("3 GET /chats/{id} via gateway p50/p99 (" + r.plainGet().count() + " samples, same run)",
                r.plainGet().p50p99());
        table.add("3 G4 POST /message → start via gateway p50/p99, messages after the first (" + r.accept().count()
                + " samples)", r.accept().p50p99());
        double p50 = r.accept().p50() - r.plainGet().p50();
        double p99 = r.accept().p99() - r.plainGet().p99();
        table.add("3 G4 accept p50 − GET p50", String.format("%+.1f ms", p50), "≤ +10 ms", p50 <= 10);
        table.add("3 G4 accept p99 − GET p99", String.format("%+.1f ms", p99), "≤ +25 ms", p99 <= 25);
        table.add("3 POST → start of a conversation's first message p50/p99 (waits for the title ≤ 300 ms; "
                + r.firstMessage().count() + " samples)", r.firstMessage().p50p99());
    }

    private static void rest(BenchSettings s, ResultTable table, LocalStack stack) {
        IdleBench.Result r = IdleBench.run(stack, s.restSettle(), s.restWindow());
        table.add(String.format("9 G5 whole stack at rest: CPU of every process over %.0f s, %d s after the last "
                + "request (%% of one core)", r.windowSeconds(), s.restSettle().toSeconds()),
                String.format("%.1f %%", r.totalPercent()), "≤ 5 %", r.totalPercent() <= 5);
        table.add("9 at rest, each process (% of one core)", String.join(", ", r.shares().stream()
                .map(share -> String.format("%s %.1f", share.process(), share.percentOfCore())).toList())
                + String.format(" (of which broker %.1f, store %.1f)", r.brokerPercent(), r.storePercent()));
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

    private static void workers(BenchSettings s, ResultTable table, LocalStack stack) {
        List<WorkerScalingBench.Level> levels = WorkerScalingBench.run(stack, s.workerLevels(), s.workerWarmUp(),
                s.workerWindow());
        double one = levels.getFirst().perSecond();
        for (WorkerScalingBench.Level level : levels) {
            table.add("5 completed requests/s with " + level.workers() + " llm-worker(s) (max " 
                    + WorkerScalingBench.MAX_IN_FLIGHT + " in flight each)",
                    String.format("%.1f/s (request → completed %.0f ms)", level.perSecond(), level.answerMs()));
        }
        for (WorkerScalingBench.Level level : levels.subList(1, levels.size())) {
            double ratio = level.perSecond() / one;
            double goal = level.workers() == 2 ? 1.8 : level.workers() == 4 ? 3.2 : level.workers() * 0.8;
            table.add("5 worker throughput " + level.workers() + "/1", String.format("%.2f", ratio),
                    String.format("≥ %.1f", goal), ratio >= goal);
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

    private static String header(BenchSettings s, String started, String loadBefore, String loadAfter, double seconds) {
        return String.format("""
                        # bench/run%s — %s

                        - machine: %d CPUs, %s memory, %s %s (%s), %s
                        - load average (1/5/15 min) before: %s; after: %s
                        - suite wall time: %.0f s
                        """, s.quick() ? " --quick" : "", started, Runtime.getRuntime().availableProcessors(),
                memTotal(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                loadBefore, loadAfter, seconds);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024))
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
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
