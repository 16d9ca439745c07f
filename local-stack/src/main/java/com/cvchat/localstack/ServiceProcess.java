package com.cvchat.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM process, its output in a log file. The process gets the stack's hooks
 * ({@link ServiceHooks}): it exits when this process dies, and honours the crash-test switch
 * {@code PLATFORM_FAULTS_HALT_AFTER_PUBLISH}.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Environment variable with extra JVM options for the service processes (space-separated). */
    public static final String JAVA_OPTIONS = "CVCHAT_JAVA_OPTIONS";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final Process process;
    private final Path log;
    private final int port;
    private final Launch launch;

    /** What it takes to start the same instance again (same port, log and environment). */
    private record Launch(Path jar, Path logDir, Path cdsDir, String name, Map<String, String> env) {
    }

    private ServiceProcess(ServiceSpec spec, Process process, Path log, int port, Launch launch) {
        this.spec = spec;
        this.process = process;
        this.log = log;
        this.port = port;
        this.launch = launch;
    }

    static ServiceProcess start(ServiceSpec spec, Path jar, int port, Path logDir, Path cdsDir,
                                Map<String, String> env) {
        return start(spec, port, new Launch(jar, logDir, cdsDir, spec.module(), Map.copyOf(env)));
    }

    /** Another instance of {@code spec} named {@code name} (its log: {@code <name>.log}). */
    static ServiceProcess startInstance(ServiceSpec spec, String name, Path jar, int port, Path logDir, Path cdsDir,
                                        Map<String, String> env) {
        return start(spec, port, new Launch(jar, logDir, cdsDir, name, Map.copyOf(env)));
    }

    /** The same instance started again (after {@link #kill()} or {@link #close()}), with {@code envOverrides} on top. */
    ServiceProcess restart(Map<String, String> envOverrides) {
        Map<String, String> env = new java.util.LinkedHashMap<>(launch.env());
        env.putAll(envOverrides);
        return start(spec, port, new Launch(launch.jar(), launch.logDir(), launch.cdsDir(), launch.name(), env));
    }

    private static ServiceProcess start(ServiceSpec spec, int port, Launch launch) {
        try {
            Files.createDirectories(launch.logDir());
            Files.createDirectories(launch.cdsDir());
            Path log = launch.logDir().resolve(launch.name() + ".log");
            ProcessBuilder builder = new ProcessBuilder(ServiceCommand.of(spec, launch.jar(), launch.cdsDir(), port,
                    launch.env()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(launch.env());
            return new ServiceProcess(spec, builder.start(), log, port, launch);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.module(), e);
        }
    }

    public ServiceSpec spec() {
        return spec;
    }

    /** The instance's name: the module name, or the name given to an extra instance. */
    public String name() {
        return launch.name();
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** The operating system's process id (for resident memory and open files in benchmarks). */
    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** True once {@code /actuator/health} answers UP. */
    public boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The last lines of the service's log, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** SIGKILL now, children too: a crash (no shutdown hook, no graceful stop). Waits until the process is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGTERM, then SIGKILL after the grace period; children too. */
    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
