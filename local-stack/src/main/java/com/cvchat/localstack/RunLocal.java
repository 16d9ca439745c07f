package com.cvchat.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./run-local}: checks the ports are free, starts the {@link LocalStack} with every service, prints where
 * everything is, and watches the services until Ctrl-C / SIGTERM stops everything it started.
 */
public final class RunLocal {

    private RunLocal() {
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
        LocalStack stack = LocalStack.create(config);
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
        printWhere(config, Duration.between(begin, Instant.now()));
        stack.watch();
    }

    private static void printWhere(StackConfig config, Duration took) {
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
}
