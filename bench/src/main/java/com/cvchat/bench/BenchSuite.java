package com.cvchat.bench;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceProcess;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.localstack.StackConfig;
import com.cvchat.platform.test.llm.ScriptedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The benchmark suite of the whole path; run with {@code bench/run [--quick]} (see bench/README.md). Starts the local
 * stack (a real KRaft broker, the store, the services as processes from their packaged jars), runs items 7, 5, 1–3, 6
 * and 4 in that order, prints one table (item, figure, goal, met?) and writes it with the machine's description to
 * {@code bench/results/}.
 */
public final class BenchSuite {

    /** Rounds of 100 streams × 10 chunks through each path before the streaming items measure anything. */
    private static final int WARM_UP_ROUNDS = 3;

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
            String direct = stack.config().url(ServiceSpec.CHAT) + "/api/v1";
            String bearer = Api.newUserBearer(gateway);
            try (ScriptedModel model = ScriptedModel.start(stack.kafkaBootstrapServers());
                 RawKafkaProbe raw = new RawKafkaProbe(stack.kafkaBootstrapServers())) {
                if (settings.runs(1) || settings.runs(2) || settings.runs(3)) {
                    streaming(settings, table, stack, model, raw, gateway, direct, bearer);
                }
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
                    connections(settings, table, stack, gateway, bearer);
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
        System.exit(0); // the scripted model's parked answers are virtual threads; nothing else to wait for
    }

    /** Items 1–3: the floor, the chunk path at each level through the gateway and direct, the first chunk. */
    private static void streaming(BenchSettings s, ResultTable table, LocalStack stack, ScriptedModel model,
                                  RawKafkaProbe raw, String gateway, String direct, String bearer) throws Exception {
        Supplier<double[]> cpu = () -> cpu(stack);
        // services that run for days have compiled their hot paths: warm both paths up before measuring (the JIT's own
        // compiling would otherwise be counted as CPU per chunk, and delay the first samples)
        System.out.println("2./3. warm-up …");
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            ChunkPathBench.run(gateway, bearer, model, 100, 10, 20, false, cpu);
            ChunkPathBench.run(direct, bearer, model, 100, 10, 20, false, cpu);
        }
        ChunkPathBench.firstChunk(List.of(gateway, direct), bearer, 20);
        for (int streams : (s.runs(1) || s.runs(2)) ? s.streamLevels() : List.<Integer>of()) {
            System.out.println("1./2. floor and chunk path at " + streams + " streams …");
            Percentiles floor = raw.measure(streams * s.chunks(), streams * 1000.0 / s.paceMs());
            ChunkPathBench.Run viaGateway = ChunkPathBench.run(gateway, bearer, model, streams, s.chunks(), s.paceMs(),
                    false, cpu);
            ChunkPathBench.Run viaDirect = ChunkPathBench.run(direct, bearer, model, streams, s.chunks(), s.paceMs(),
                    false, cpu);
            String rate = String.format("%d chunks/s", streams * 1000 / s.paceMs());
            table.add("1 floor: raw Kafka produce → consume p50/p99 @ " + rate, floor.p50p99());
            Percentiles g = viaGateway.delays();
            boolean top = streams == s.streamLevels().getLast();
            if (top) {
                double ratio = g.p99() / floor.p99();
                table.add("2 chunk path via gateway p50/p99/p99.9 @ " + streams + " streams", delays(viaGateway),
                        "p50 ≤ 5, p99 ≤ 15 ms", g.p50() <= 5 && g.p99() <= 15 && viaGateway.lost() == 0);
                table.add("2 chunk path p99 / floor p99 @ " + streams + " streams", String.format("%.1f×", ratio),
                        "≤ 3×", ratio <= 3);
            } else {
                table.add("2 chunk path via gateway p50/p99/p99.9 @ " + streams + " streams", delays(viaGateway));
            }
            table.add("2 CPU per chunk via gateway @ " + streams + " streams: gateway, chat-service, suite JVM "
                            + "(broker, store, model, clients)",
                    cpuPerChunk(viaGateway));
            table.add("2 while the " + streams + " streams ran via gateway: CPU per chunk of gateway, chat-service, "
                    + "other services, suite JVM; machine busy", streamingCpu(viaGateway));
            table.add("2 while the " + streams + " streams ran via gateway: suite JVM's CPU per chunk by thread group",
                    suiteSplit(viaGateway));
            table.add("2 chunk path direct (no gateway) p50/p99/p99.9 @ " + streams + " streams", delays(viaDirect));
            table.add("2 CPU per chunk direct @ " + streams + " streams: gateway, chat-service, suite JVM",
                    cpuPerChunk(viaDirect));
            table.add("2 while the " + streams + " streams ran direct: same", streamingCpu(viaDirect));
            if (top) {
                ChunkPathBench.Run lockstep = ChunkPathBench.run(gateway, bearer, model, streams, s.chunks(),
                        s.paceMs(), true, cpu);
                table.add("2 chunk path via gateway @ " + streams + " streams in lockstep (all emit at one instant)",
                        delays(lockstep));
            }
        }
        if (!s.runs(3)) {
            return;
        }
        System.out.println("3. first chunk …");
        List<Percentiles> first = ChunkPathBench.firstChunk(List.of(gateway, direct), bearer, s.firstChunkSamples());
        double extra = first.get(0).p50() - first.get(1).p50();
        table.add("3 POST → first chunk via gateway p50/p99 (" + first.get(0).count() + " samples)",
                first.get(0).p50p99());
        table.add("3 POST → first chunk direct p50/p99", first.get(1).p50p99());
        table.add("3 first chunk: gateway p50 − direct p50", String.format("%+.1f ms", extra), "≤ +5 ms", extra <= 5);
        List<Percentiles> plain = ChunkPathBench.plainRequest(List.of(gateway, direct), bearer, 50);
        table.add("3 GET /chats/{id} via gateway vs direct p50/p99 (50 samples each)",
                plain.get(0).p50p99() + " vs " + plain.get(1).p50p99());
    }

    private static String delays(ChunkPathBench.Run run) {
        Percentiles d = run.delays();
        return String.format("%.1f / %.1f / %.1f ms (lost %d, failed %d)", d.p50(), d.p99(), d.p999(), run.lost(),
                run.failed());
    }

    /**
     * From the gate's opening to the last stream's end: CPU per chunk of the gateway, chat-service, the other services
     * and this JVM, and how busy the whole machine was (100 % = both cores).
     */
    private static String streamingCpu(ChunkPathBench.Run run) {
        int delivered = Math.max(run.delays().count(), 1);
        double[] used = run.streamingCpuSeconds();
        return String.format("%.0f, %.0f, %.0f, %.0f µs; %.0f %% of %d cores for %.2f s", used[0] * 1e6 / delivered,
                used[1] * 1e6 / delivered, used[3] * 1e6 / delivered, used[2] * 1e6 / delivered,
                100 * used[4] / used[5], Runtime.getRuntime().availableProcessors(), run.streamingSeconds());
    }

    /** The suite JVM's CPU per chunk while the streams ran, by {@link SuiteThreads} group. */
    private static String suiteSplit(ChunkPathBench.Run run) {
        int delivered = Math.max(run.delays().count(), 1);
        double[] used = run.streamingCpuSeconds();
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < SuiteThreads.GROUPS.size(); i++) {
            parts.add(String.format("%s %.0f", SuiteThreads.GROUPS.get(i), used[6 + i] * 1e6 / delivered));
        }
        return String.join(", ", parts) + " µs";
    }

    private static String cpuPerChunk(ChunkPathBench.Run run) {
        int delivered = Math.max(run.delays().count(), 1);
        double[] used = run.cpuSeconds();
        return String.format("%.0f µs, %.0f µs, %.0f µs", used[0] * 1e6 / delivered, used[1] * 1e6 / delivered,
                used[2] * 1e6 / delivered);
    }

    /**
     * CPU seconds used so far by the gateway, chat-service, and this JVM (the broker, the store, the scripted model and
     * the SSE clients all run in it).
     */
    private static double[] cpu(LocalStack stack) {
        double others = 0;
        for (ServiceSpec spec : ServiceSpec.values()) {
            if (spec != ServiceSpec.GATEWAY && spec != ServiceSpec.CHAT) {
                for (ServiceProcess process : stack.instances(spec)) {
                    double used = ProcessStats.cpuSeconds(process.pid());
                    others += Double.isNaN(used) ? 0 : used; // item 5's workers have ended
                }
            }
        }
        double[] machine = ProcessStats.machineSeconds();
        double[] suite = SuiteThreads.cpuSeconds();
        double[] sample = new double[6 + suite.length];
        sample[0] = ProcessStats.cpuSeconds(stack.instance(ServiceSpec.GATEWAY).pid());
        sample[1] = ProcessStats.cpuSeconds(stack.instance(ServiceSpec.CHAT).pid());
        sample[2] = ProcessStats.cpuSeconds(ProcessHandle.current().pid());
        sample[3] = others;
        sample[4] = machine[0];
        sample[5] = machine[1];
        System.arraycopy(suite, 0, sample, 6, suite.length);
        return sample;
    }

    private static void connections(BenchSettings s, ResultTable table, LocalStack stack, String gateway,
                                     String bearer) throws InterruptedException {
        ConnectionsBench.Result result = ConnectionsBench.run(gateway, bearer, s.connections(), s.connectionStep(),
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
                ServiceProcess.JAVA_OPTIONS, ("-Xmx1g " + System.getenv().getOrDefault("BENCH_JAVA_OPTIONS", "")).strip(),
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
