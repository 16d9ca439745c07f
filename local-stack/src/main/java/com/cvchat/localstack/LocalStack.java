package com.cvchat.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole system on one machine: a real Kafka broker (KRaft) and the embedded MongoDB store in this JVM, every
 * service as its own process ({@link ServiceProcess}, started with the environment of {@link ServiceEnvironment} and
 * waited for by {@link StartupWait}). {@link RunLocal} runs it for {@code ./run-local}; tests and the bench start and
 * stop parts of it.
 */
public final class LocalStack implements AutoCloseable {

    private final StackConfig config;
    private final List<AutoCloseable> started = new ArrayList<>();
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaBroker kafka;
    private MongoStore mongo;
    private volatile boolean stopping;
    private final ServiceEnvironment environment;
    private final ServiceJars jars;

    private LocalStack(StackConfig config) {
        this.config = config;
        this.environment = new ServiceEnvironment(config);
        this.jars = new ServiceJars(config);
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
            ServiceProcess process = ServiceProcess.start(spec, jars.jar(spec), config.port(spec),
                    config.dataDir().resolve("logs"), config.dataDir().resolve("cds"), environment.of(spec));
            services.add(process);
            starting.add(process);
        }
        StartupWait.untilHealthy(starting);
    }

    /**
     * Gets the given services ready to start fast (done by {@link #startServices} too; call it first to time the starts
     * alone): their jars extracted into {@code <data>/cds} and the AOT cache of each jar made beside it by a training
     * run when there is none for this build yet (see {@link AotCache}), all at once. The broker and store must be up.
     */
    public void prepare(Set<ServiceSpec> specs) {
        jars.prepare(specs, environment::of);
    }

    /** Where the AOT cache of {@code spec}'s jar is (or would be) for the running JDK; see {@link #prepare}. */
    public Path aotCache(ServiceSpec spec) {
        return AotCache.of(jars.jar(spec));
    }

    /** The file holding the users' data-key master key of this stack (created on first use); a secret. */
    public Path userKeysMasterKeyFile() {
        return UserKeysMasterKeyFile.ensure(config.dataDir());
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
        Map<String, String> instanceEnv = environment.of(spec);
        instanceEnv.putAll(env);
        prepare(Set.of(spec));
        ServiceProcess process = ServiceProcess.startInstance(spec, name, jars.jar(spec), port,
                config.dataDir().resolve("logs"), config.dataDir().resolve("cds"), instanceEnv);
        synchronized (this) {
            services.add(process);
        }
        StartupWait.untilHealthy(List.of(process));
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
        StartupWait.untilHealthy(List.of(again));
        return again;
    }

    /** Exits this JVM when a service stops that was not told to (run-local's watch; never returns). */
    void watch() {
        while (true) {
            for (ServiceProcess service : services) {
                if (!service.alive() && !stopping) {
                    System.err.println(service.spec().module() + " stopped unexpectedly; see " + service.log());
                    System.exit(1);
                }
            }
            StartupWait.pause(Duration.ofSeconds(1));
        }
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
