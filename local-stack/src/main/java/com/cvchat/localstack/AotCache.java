package com.cvchat.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The JVM's ahead-of-time cache (JEP 483/514/515, JDK 25) of a service jar: the classes of a start-up already read,
 * parsed, linked, plus the objects and method profiles of that start-up. It lives beside the packaged jar
 * ({@code target/aot-cache/<module>-<jdk>.aot}), so every stack started from that build (run-local, e2e, reliability,
 * bench) shares it whatever its data folder; a new build (a newer jar) or another JDK makes a new one.
 * <p>
 * It is made by a training run: the service started from its extracted jar with {@code -XX:AOTCacheOutput} and
 * {@code -Dspring.context.exit=onRefresh} (Spring creates every singleton, then exits before the lifecycle starts: no
 * listener, no web server), with the same JVM options and environment as a real start, so the broker and store of the
 * stack must be up. A failed training leaves no cache; the service then starts with the dynamic class-data archive.
 */
final class AotCache {

    private static final long TRAINING_TIMEOUT_SECONDS = 240;
    private static final Set<Process> TRAINING = ConcurrentHashMap.newKeySet();
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private AotCache() {
    }

    /** Where the cache of {@code jar} is (or would be) for the running JDK. */
    static Path of(Path jar) {
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        return jar.toAbsolutePath().resolveSibling("aot-cache")
                .resolve(name + "-jdk" + Runtime.version().toString().replaceAll("[^A-Za-z0-9.+-]", "_") + ".aot");
    }

    /**
     * A cache that was written after the jar and the stack's hooks ({@link ServiceHooks}) were last built (a JVM that
     * cannot use it after all only warns).
     */
    static boolean usable(Path cache, Path jar) {
        try {
            return Files.isRegularFile(cache) && Files.size(cache) > 0
                    && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(jar)) >= 0
                    && Files.getLastModifiedTime(cache).compareTo(ServiceHooks.builtAt()) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Makes the cache of {@code jar} unless a usable one exists: a training run of the extracted jar
     * {@code runnable}, its output in {@code <logDir>/<module>-aot-training.log}. One training per jar at a time, also
     * across processes (a lock file). True when a usable cache exists afterwards.
     */
    static boolean ensure(ServiceSpec spec, Path jar, Path runnable, Path logDir, Map<String, String> env) {
        Path cache = of(jar);
        if (usable(cache, jar)) {
            return true;
        }
        if (runnable.equals(jar)) {
            return false;   // not extracted: a cache of the fat jar would not be used (nested jars)
        }
        synchronized (LOCKS.computeIfAbsent(cache, c -> new Object())) {
            try {
                Files.createDirectories(cache.getParent());
                try (FileChannel channel = FileChannel.open(cache.resolveSibling(cache.getFileName() + ".lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                     FileLock ignored = channel.lock()) {
                    return usable(cache, jar) || train(spec, cache, runnable, logDir, env);
                }
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static boolean train(ServiceSpec spec, Path cache, Path runnable, Path logDir, Map<String, String> env)
            throws IOException {
        Path partial = cache.resolveSibling(cache.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.createDirectories(logDir);
        List<String> command = new ArrayList<>();
        command.add(ServiceCommand.javaCommand());
        command.addAll(ServiceCommand.jvmFlags());
        command.addAll(List.of("-XX:AOTCacheOutput=" + partial, "-Dspring.context.exit=onRefresh"));
        command.addAll(ServiceCommand.launch(runnable, runnable.getParent()));
        command.addAll(List.of("--server.port=0", "--spring.profiles.active=local"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logDir.resolve(spec.module() + "-aot-training.log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        TRAINING.add(process);
        try {
            boolean done = process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (done && process.exitValue() == 0 && Files.isRegularFile(partial)) {
                Files.move(partial, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            stop(process);
            TRAINING.remove(process);
            Files.deleteIfExists(partial);
        }
    }

    /** Stops the training runs still going (the stack is being stopped). */
    static void stopAll() {
        TRAINING.forEach(AotCache::stop);
    }

    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);   // the JVM that assembles the cache
        process.destroyForcibly();
    }
}
