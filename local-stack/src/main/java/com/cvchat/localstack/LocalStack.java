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
        kafka = KafkaBroker.start(config.dataDir().resolve("kafka"), config.kafkaPort(), config.kafkaControllerPort());
        started.add(kafka);
        mongo = MongoStore.onDisk(config.dataDir().resolve("mongo"), config.mongoPort());
        started.add(mongo);
    }

    /** Starts the given services as processes and waits until each reports UP. */
    public void startServices(Set<ServiceSpec> specs) {
        List<ServiceProcess> starting = new ArrayList<>();
        // the extracted jars (see ServiceProcess#extracted) of all of them at once: mostly waiting on the disk
        Path cds = config.dataDir().resolve("cds");
        specs.parallelStream().forEach(spec -> ServiceProcess.extracted(spec, jarOf(spec), cds));
        for (ServiceSpec spec : specs) {
            ServiceProcess process = ServiceProcess.start(spec, jarOf(spec), config.port(spec),
                    config.dataDir().resolve("logs"), config.dataDir().resolve("cds"), environment(spec));
            services.add(process);
            starting.add(process);
        }
        awaitHealthy(starting);
    }

    /**
     * Starts one more process of {@code spec} on a free port (log {@code <name>.log}) with the stack's environment plus
     * {@code extraEnv}, and waits until it reports UP. The stack stops it on close; the caller may stop it earlier.
     * Benchmarks use it for several llm-worker instances.
     */
    public ServiceProcess startInstance(ServiceSpec spec, String name, Map<String, String> extraEnv) {
        Map<String, String> env = environment(spec);
        env.putAll(extraEnv);
        ServiceProcess process = ServiceProcess.start(spec, name, jarOf(spec), StackConfig.freePort(),
                config.dataDir().resolve("logs"), config.dataDir().resolve("cds"), env);
        services.add(process);
        awaitHealthy(List.of(process));
        return process;
    }

    /** The running process of {@code spec} started by {@link #startServices}, if any. */
    public java.util.Optional<ServiceProcess> process(ServiceSpec spec) {
        return services.stream().filter(s -> s.spec() == spec && s.port() == config.port(spec)).findFirst();
    }

    private Path jarOf(ServiceSpec spec) {
        Path jar = config.home().resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        return jar;
    }

    private Map<String, String> environment(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(config.extraEnv());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + config.kafkaPort());
        if (spec.database() != null) {
            env.put("SPRING_MONGODB_URI", "mongodb://localhost:" + config.mongoPort() + "/" + spec.database());
        }
        env.put("CVCHAT_DATA_DIR", config.dataDir().toString());
        env.putIfAbsent("INTERNAL_API_TOKEN", internalToken);
        env.put("PLATFORM_SECURITY_JWK_SET_URI", config.url(ServiceSpec.AUTH) + "/.well-known/jwks.json");
        for (ServiceSpec other : ServiceSpec.values()) {
            env.put(other.urlVariable(), config.url(other));
        }
        return env;
    }

    private void awaitHealthy(List<ServiceProcess> starting) {
        Instant deadline = Instant.now().plus(HEALTH_TIMEOUT);
        List<ServiceProcess> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.alive()) {
                    throw new IllegalStateException(service.spec().module() + " exited during start-up. Last lines of "
                            + service.log() + ":\n" + service.tail(40));
                }
                if (service.healthy()) {
                    System.out.println("  ✓ " + service.spec().module() + " is UP");
                    waiting.remove(service);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Not healthy after " + HEALTH_TIMEOUT.toSeconds() + " s: "
                        + waiting.stream().map(s -> s.spec().module() + " (log: " + s.log() + ")").toList());
            }
            pause(Duration.ofMillis(250));
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
        return kafka.bootstrapServers();
    }

    public String mongoConnectionString() {
        return mongo.connectionString();
    }
}
