package com.cvchat.localstack;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Configuration of the local stack, from environment variables (or system properties of the same name):
 * {@code CVCHAT_DATA_DIR} (default {@code ./.data}), {@code CVCHAT_HOME} (the repository root, default the working
 * directory), {@code KAFKA_PORT} (9092), {@code KAFKA_CONTROLLER_PORT} (9093), {@code MONGO_PORT} (27017) and
 * {@code <SERVICE>_PORT} for each service (see {@link ServiceSpec}).
 */
public record StackConfig(Path home, Path dataDir, int kafkaPort, int kafkaControllerPort, int mongoPort,
                          Map<ServiceSpec, Integer> servicePorts, Map<String, String> extraEnv) {

    public static StackConfig fromEnvironment() {
        return from(name -> {
            String value = System.getProperty(name);
            return value != null ? value : System.getenv(name);
        });
    }

    static StackConfig from(Function<String, String> lookup) {
        Path home = Path.of(orDefault(lookup.apply("CVCHAT_HOME"), ".")).toAbsolutePath().normalize();
        Path data = Path.of(orDefault(lookup.apply("CVCHAT_DATA_DIR"), home.resolve(".data").toString()))
                .toAbsolutePath().normalize();
        Map<ServiceSpec, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.values()) {
            ports.put(spec, port(lookup, spec.portVariable(), spec.defaultPort()));
        }
        return new StackConfig(home, data, port(lookup, "KAFKA_PORT", 9092), port(lookup, "KAFKA_CONTROLLER_PORT", 9093),
                port(lookup, "MONGO_PORT", 27017), ports, Map.of());
    }

    /** A configuration on free ports with data in {@code dataDir}, for tests that run the whole stack. */
    public static StackConfig forTests(Path home, Path dataDir, Map<String, String> extraEnv) {
        Map<ServiceSpec, Integer> ports = new LinkedHashMap<>();
        for (ServiceSpec spec : ServiceSpec.values()) {
            ports.put(spec, freePort());
        }
        return new StackConfig(home.toAbsolutePath().normalize(), dataDir.toAbsolutePath(), freePort(), freePort(),
                freePort(), ports, Map.copyOf(extraEnv));
    }

    /** A copy with other extra environment variables for the service processes. */
    public StackConfig withExtraEnv(Map<String, String> env) {
        return new StackConfig(home, dataDir, kafkaPort, kafkaControllerPort, mongoPort, servicePorts, Map.copyOf(env));
    }

    static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port(ServiceSpec spec) {
        return servicePorts.get(spec);
    }

    public String url(ServiceSpec spec) {
        return "http://localhost:" + port(spec);
    }

    private static int port(Function<String, String> lookup, String name, int fallback) {
        String value = lookup.apply(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
