package com.cvchat.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole system on one machine: a real Kafka broker (KRaft) and the embedded MongoDB store in this JVM, every
 * service as its own process. Ctrl-C / SIGTERM stops everything it started. Run through {@code ./run-local}.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(240);

    private final StackConfig config;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker kafka;
    private MongoStore mongo;
    private volatile boolean stopping;
    /** Service-to-service credential for internal endpoints (never routed by the gateway); fresh for every run. */
    private final String internalToken = newInternalToken();

    private LocalStack(StackConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        StackConfig config;
        try {
            config = StackConfig.fromEnvironment();
            checkPortsFree(config, EnumSet.allOf(ServiceSpec.class));
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        Instant begin = Instant.now();
        LocalStack stack = new LocalStack(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the local stack…");
            stack.close();
            System.out.println("Stopped.");
        }, "local-stack-shutdown"));
        try {
            stack.startInfrastructure();
            stack.startServices(EnumSet.allOf(ServiceSpec.class));
        } catch (RuntimeException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(1);
            return;
        }
        Duration took = Duration.between(begin, Instant.now());
        System.out.printf("%nCV Chat Platform is up in %.1f s (data in %s, logs in %s)%n%n", took.toMillis() / 1000.0,
                config.dataDir(), config.dataDir().resolve("logs"));
        System.out.printf("  Open                http://localhost:%d/  (the web client)%n", config.port(ServiceSpec.GATEWAY));
        System.out.printf("  API (gateway)       http://localhost:%d/api/v1%n", config.port(ServiceSpec.GATEWAY));
        for (ServiceSpec spec : ServiceSpec.values()) {
            System.out.printf("  %-19s http://localhost:%d/actuator/health%n", spec.module(), config.port(spec));
        }
        System.out.printf("  Kafka               localhost:%d%n  MongoDB             mongodb://localhost:%d%n%n",
                config.kafkaPort(), config.mongoPort());
        System.out.println("Press Ctrl-C to stop.");
        stack.watch();
    }

    /** Fails with a message naming the first port that is taken. */
    static void checkPortsFree(StackConfig config, Set<ServiceSpec> specs) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (KAFKA_PORT)", config.kafkaPort());
        ports.put("Kafka controller (KAFKA_CONTROLLER_PORT)", config.kafkaControllerPort());
        ports.put("MongoDB (MONGO_PORT)", config.mongoPort());
        specs.forEach(s -> ports.put(s.module() + " (" + s.portVariable() + ")", config.port(s)));
        ports.forEach((name, port) -> {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException e) {
                throw new IllegalStateException("Port " + port + " for " + name
                        + " is already in use. Stop what uses it or choose another port with that variable.");
            }
        });
    }

    /** Starts Kafka and MongoDB on the configured ports and data folder. */
    public void startInfrastructure() {
        startKafka();
        startStore();
    }

    /** Starts (or, after {@link #stopKafka()}, starts again) the broker on the same ports and log directories. */
    public synchronized void startKafka() {
        if (kafka != null) {
            throw new IllegalStateException("Kafka is already running");
        }
        kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
        started.add(kafka);
    }

    /** Stops the broker (a controlled shutdown); the services keep running and reconnect when it is back. */
    public synchronized void stopKafka() {
        if (kafka == null) {
            throw new IllegalStateException("Kafka is not running");
        }
        started.remove(kafka);
        kafka.close();
        kafka = null;
    }

    /** Starts (or, after {@link #stopStore()}, starts again) the store on the same port and data. */
    public synchronized void startStore() {
        if (mongo != null) {
            throw new IllegalStateException("The store is already running");
        }
        mongo = MongoStore.onDisk(config.dataDir().resolve("mongo"), config.mongoPort());
        started.add(mongo);
    }

    /** Stops the store, closing every client connection; the services keep running. */
    public synchronized void stopStore() {
        if (mongo == null) {
            throw new IllegalStateException("The store is not running");
        }
        started.remove(mongo);
        mongo.close();
        mongo = null;
    }

    /** Starts the given services as processes and waits until each reports UP. */
    public void startServices(Set<ServiceSpec> specs) {
        prepare(specs);
        List<ServiceProcess> starting = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            ServiceProcess process = ServiceProcess.start(spec, jar(spec), config.port(spec),
                    config.dataDir().resolve("logs"), config.dataDir().resolve("cds"), environment(spec));
            services.add(process);
            starting.add(process);
        }
        awaitHealthy(starting);
    }

    /**
     * Gets the given services ready to start fast (done by {@link #startServices} too; call it first to time the starts
     * alone): their jars extracted into {@code <data>/cds} and the AOT cache of each jar made beside it by a training
     * run when there is none for this build yet (see {@link AotCache}), all at once. The broker and store must be up.
     */
    public void prepare(Set<ServiceSpec> specs) {
        Path cds = config.dataDir().resolve("cds");
        Path logs = config.dataDir().resolve("logs");
        List<ServiceSpec> training = specs.stream().filter(s -> !AotCache.usable(AotCache.of(jar(s)), jar(s))).toList();
        if (!training.isEmpty()) {
            System.out.println("  … making the AOT cache of " + training.stream().map(ServiceSpec::module).toList()
                    + " (once per build; a training run each, logs in " + logs + ")");
        }
        specs.parallelStream().forEach(spec -> {
            if (!ServiceProcess.prepare(spec, jar(spec), cds, logs, environment(spec))) {
                System.out.println("  … no AOT cache for " + spec.module() + " (see " + logs.resolve(spec.module()
                        + "-aot-training.log") + "); it starts with the class-data archive instead");
            }
        });
    }

    private Path jar(ServiceSpec spec) {
        Path jar = config.home().resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        return jar;
    }

    /** Where the AOT cache of {@code spec}'s jar is (or would be) for the running JDK; see {@link #prepare}. */
    public Path aotCache(ServiceSpec spec) {
        return AotCache.of(jar(spec));
    }

    /** The file holding the users' data-key master key of this stack (created on first use); a secret. */
    public Path userKeysMasterKeyFile() {
        return UserKeysMasterKeyFile.ensure(config.dataDir());
    }

    private Map<String, String> environment(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(config.extraEnv());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + config.kafkaPort());
        if (spec.database() != null) {
            env.put("SPRING_MONGODB_URI", "mongodb://localhost:" + config.mongoPort() + "/" + spec.database());
        }
        env.put("CVCHAT_DATA_DIR", config.dataDir().toString());
        env.putIfAbsent("INTERNAL_API_TOKEN", internalToken);
        if (spec.database() != null && !env.containsKey("USER_KEYS_MASTER_KEY")) {   // the services that seal or erase
            env.putIfAbsent("USER_KEYS_MASTER_KEY_FILE", UserKeysMasterKeyFile.ensure(config.dataDir()).toString());
        }
        env.put("PLATFORM_SECURITY_JWK_SET_URI", config.url(ServiceSpec.AUTH) + "/.well-known/jwks.json");
        for (ServiceSpec other : ServiceSpec.values()) {
            env.put(other.urlVariable(), config.url(other));
        }
        return env;
    }

    /** The running instances of {@code spec}, the one {@link #startServices} started first. */
    public synchronized List<ServiceProcess> instances(ServiceSpec spec) {
        return services.stream().filter(s -> s.spec() == spec).toList();
    }

    /** The first running instance of {@code spec}. */
    public ServiceProcess instance(ServiceSpec spec) {
        return instances(spec).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException(spec.module() + " is not running"));
    }

    /**
     * Starts one more instance of {@code spec} on a free port (log {@code <name>.log}), with the same environment as
     * the others plus {@code env}, and waits until it is UP: a second llm-worker, a second chat-service.
     */
    public ServiceProcess startInstance(ServiceSpec spec, String name, Map<String, String> env) {
        int port = StackConfig.freePort();
        Map<String, String> environment = environment(spec);
        environment.putAll(env);
        prepare(Set.of(spec));
        ServiceProcess process = ServiceProcess.startInstance(spec, name, jar(spec), port,
                config.dataDir().resolve("logs"), config.dataDir().resolve("cds"), environment);
        synchronized (this) {
            services.add(process);
        }
        awaitHealthy(List.of(process));
        return process;
    }

    /** Kills {@code instance} with SIGKILL (no shutdown hook, no graceful stop): a crash. */
    public synchronized void kill(ServiceProcess instance) {
        instance.kill();
        services.remove(instance);
    }

    /**
     * Starts a killed (or running: it is killed first) instance again on the same port, log and environment, plus
     * {@code envOverrides}, and waits until it is UP.
     */
    public ServiceProcess restart(ServiceProcess instance, Map<String, String> envOverrides) {
        kill(instance);
        ServiceProcess again = instance.restart(envOverrides);
        synchronized (this) {
            services.add(again);
        }
        awaitHealthy(List.of(again));
        return again;
    }

    private void awaitHealthy(List<ServiceProcess> starting) {
        Instant deadline = Instant.now().plus(HEALTH_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.alive()) {
                    throw new IllegalStateException(service.name() + " exited during start-up. Last lines of "
                            + service.log() + ":\n" + service.tail(40));
                }
                if (service.healthy()) {
                    System.out.println("  ✓ " + service.name() + " is UP");
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not healthy after " + HEALTH_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(s -> s.spec().module() + " (log: " + s.log() + ")").toList());
            }
            pause(Duration.ofMillis(100));
        }
    }

    private void watch() {
        while (true) {
            for (ServiceProcess service : services) {
                if (!service.alive() && !stopping) {
                    System.err.println(service.spec().module() + " stopped unexpectedly; see " + service.log());
                    System.exit(1);
                }
            }
            pause(Duration.ofSeconds(1));
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String newInternalToken() {
        byte[] bytes = new byte[32];
        new java.security.SecureRandom().nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public StackConfig config() {
        return config;
    }

    /** Stops the services (in parallel), then MongoDB and Kafka. Safe to call twice. */
    @Override
    public synchronized void close() {
        stopping = true;
        AotCache.stopAll();
        services.parallelStream().forEach(ServiceProcess::close);
        services.clear();
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                System.err.println("Error while stopping: " + e.getMessage());
            }
        }
        started.clear();
    }

    /** For tests: a stack with this configuration that the caller starts and closes. */
    public static LocalStack create(StackConfig config) {
        return new LocalStack(config);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + config.kafkaPort();
    }

    public String mongoConnectionString() {
        return "mongodb://localhost:" + config.mongoPort();
    }
}
