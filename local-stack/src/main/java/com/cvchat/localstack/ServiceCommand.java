package com.cvchat.localstack;

import com.cvchat.localhooks.HooksJar;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The command line that starts a service's JVM: the java of this process, the stack's JVM options, the class data
 * (the jar's AOT cache, else a dynamic archive), the extracted jar with the hooks jar on the class path, its main
 * class, and the caller's own options last.
 */
final class ServiceCommand {

    /**
     * The JVM options of every service process (and of its AOT cache training run: the cache is only used with the
     * same ones). -Xms32m: the default initial heap (1/64 of the machine's memory) sizes the young generation so large
     * that an idle service touched ~100 MiB more of it; the heap still grows to -Xmx when needed.
     */
    private static final List<String> JVM_FLAGS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k", "-Xms32m", "-Xmx384m",
            "-XX:ReservedCodeCacheSize=64m", "-D" + HooksJar.PARENT_PID + "=" + ProcessHandle.current().pid());

    private ServiceCommand() {
    }

    /** The whole command of a service process listening on {@code port}; its jar extracted into {@code cdsDir}. */
    static List<String> of(ServiceSpec spec, Path jar, Path cdsDir, int port, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        command.add(javaCommand());
        command.addAll(JVM_FLAGS);
        Path runnable = extracted(spec, jar, cdsDir);
        command.addAll(classDataFlags(spec, jar, runnable, cdsDir));
        // JVM options of the caller's own (e.g. a larger -Xmx for a load test) come last, so they win
        String extra = env.getOrDefault(ServiceProcess.JAVA_OPTIONS, "").strip();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.addAll(launch(runnable, cdsDir.resolve(spec.module())));
        command.addAll(List.of("--server.port=" + port, "--spring.profiles.active=local"));
        return command;
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
}
