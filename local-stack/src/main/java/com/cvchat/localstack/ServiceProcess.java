package com.cvchat.localstack;

import com.cvchat.localhooks.HooksJar;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * One service running as its own JVM process, its output in a log file. The process gets the stack's hooks
 * ({@link ServiceHooks}): it exits when this process dies, and honours the crash-test switch
 * {@code PLATFORM_FAULTS_HALT_AFTER_PUBLISH}.
 */
public final class ServiceProcess implements AutoCloseable {

    /** Environment variable with extra JVM options for the service processes (space-separated). */
    public static final String JAVA_OPTIONS = "CVCHAT_JAVA_OPTIONS";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * The JVM options of every service process (and of its AOT cache training run: the cache is only used with the
     * same ones). -Xms32m: the default initial heap (1/64 of the machine's memory) sizes the young generation so large
     * that an idle service touched ~100 MiB more of it; the heap still grows to -Xmx when needed.
     */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms32m", "-Xmx384m",
            "-XX:ReservedCodeCacheSize=64m", "-D" + HooksJar.PARENT_PID + "=" + ProcessHandle.current().pid());

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
        Path jar = launch.jar();
        Path cdsDir = launch.cdsDir();
        try {
            Files.createDirectories(launch.logDir());
            Files.createDirectories(cdsDir);
            Path log = launch.logDir().resolve(launch.name() + ".log");
            List<String> command = new ArrayList<>();
            command.add(javaCommand());
            command.addAll(JVM_FLAGS);
            Path runnable = extracted(spec, jar, cdsDir);
            command.addAll(classDataFlags(spec, jar, runnable, cdsDir));
            // JVM options of the caller's own (e.g. a larger -Xmx for a load test) come last, so they win
            String extra = launch.env().getOrDefault(JAVA_OPTIONS, "").strip();
            if (!extra.isEmpty()) {
                command.addAll(List.of(extra.split("\\s+")));
            }
            command.addAll(launch(runnable, cdsDir.resolve(spec.module())));
            command.addAll(List.of(
                    "--server.port=" + port,
                    "--spring.profiles.active=local"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(launch.env());
            return new ServiceProcess(spec, builder.start(), log, port, launch);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.module(), e);
        }
    }

    /**
     * How the service gets its classes ready-made: the AOT cache of its jar when there is a usable one (see
     * {@link AotCache}), else the dynamic class-data archive of this data folder, created when the JVM exits the first
     * time. A cache the JVM cannot use (another JDK, damaged) costs a few warning lines in the log, never the start.
     */
    private static List<String> classDataFlags(ServiceSpec spec, Path jar, Path runnable, Path cdsDir) {
        Path cache = AotCache.of(jar);
        if (!runnable.equals(jar) && AotCache.usable(cache, jar)) {
            return List.of("-XX:AOTCache=" + cache);
        }
        return List.of("-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + cdsDir.resolve(spec.module() + ".jsa"),
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /**
     * Gets {@code spec} ready to start fast: its jar extracted into {@code cdsDir} and the AOT cache of the jar made
     * (a training run, once per build) unless there is one. The broker and store must be up. True with a cache.
     */
    static boolean prepare(ServiceSpec spec, Path jar, Path cdsDir, Path logDir, Map<String, String> env) {
        return AotCache.ensure(spec, jar, extracted(spec, jar, cdsDir), logDir, env);
    }

    /**
     * How the JVM runs {@code runnable}: its class path followed by the hooks jar (written into {@code hooksDir}, see
     * {@link ServiceHooks}), and the main class of its manifest.
     */
    static List<String> launch(Path runnable, Path hooksDir) {
        Path hooks = ServiceHooks.writeInto(hooksDir);
        return List.of("-cp", runnable + File.pathSeparator + hooks, mainClass(runnable));
    }

    private static String mainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null) {
                throw new IllegalStateException(jar + " names no Main-Class");
            }
            return main;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + jar, e);
        }
    }

    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** The JVM options of the service processes, for the AOT cache training run. */
    static List<String> jvmFlags() {
        return JVM_FLAGS;
    }

    /**
     * The jar to run: Spring Boot's extracted layout ({@code <cds>/<module>/<module>.jar} + {@code lib/}), so that the
     * class-data archive can hold the application's classes too (it cannot take classes from the nested jars of the
     * fat jar; only the JDK's). Extracted again when the packaged jar is newer; the fat jar itself if that fails.
     */
    static Path extracted(ServiceSpec spec, Path jar, Path cdsDir) {
        Path dir = cdsDir.resolve(spec.module());
        Path runnable = dir.resolve(jar.getFileName());
        try {
            if (Files.isRegularFile(runnable)
                    && Files.getLastModifiedTime(runnable).compareTo(Files.getLastModifiedTime(jar)) >= 0) {
                return runnable;
            }
            Process extract = new ProcessBuilder(javaCommand(),
                    "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination", dir.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (extract.waitFor(60, TimeUnit.SECONDS) && extract.exitValue() == 0 && Files.isRegularFile(runnable)) {
                return runnable;
            }
            extract.destroyForcibly();
        } catch (IOException e) {
            // fall back to the fat jar
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return jar;
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
