package com.cvchat.bench;

import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceProcess;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.localstack.StackConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Item 7: each service started alone (the others already up and idle; the service prepared, see {@link #prepare}) —
 * the time from launching the process until
 * its health answers UP, and the JVM's own "process running for" figure from Spring Boot's start-up line — then the
 * idle resident memory of each after a settling pause; and the whole stack (broker, store, every service at once)
 * cold-started in a fresh data folder.
 */
final class StartupBench {

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in [0-9.]+ seconds \\(process running for ([0-9.]+)\\)");

    /** The services the rest of the suite uses (cv-builder and llm-worker are not: the scripted model answers). */
    static final EnumSet<ServiceSpec> STAYING_UP = EnumSet.of(ServiceSpec.AUTH, ServiceSpec.CHAT, ServiceSpec.GATEWAY,
            ServiceSpec.VOICE);

    record Service(ServiceSpec spec, double toHealthySeconds, double jvmSeconds, double idleRssMib) {
    }

    private StartupBench() {
    }

    /**
     * Seconds to get every service ready to start (jars extracted, the AOT cache of each jar made by a training run
     * where this build has none yet), all at once: paid once per build, so not part of the starts timed below.
     */
    static double prepare(LocalStack stack) {
        long begin = System.nanoTime();
        stack.prepare(EnumSet.allOf(ServiceSpec.class));
        return (System.nanoTime() - begin) / 1e9;
    }

    /** The services that stay up afterwards are started with {@code startServices}; the others as instances. */
    static List<Service> eachAlone(LocalStack stack, java.time.Duration settle) {
        Map<ServiceSpec, Double> times = new LinkedHashMap<>();
        Map<ServiceSpec, ServiceProcess> processes = new LinkedHashMap<>();
        for (ServiceSpec spec : STAYING_UP) {
            long begin = System.nanoTime();
            stack.startServices(EnumSet.of(spec));
            times.put(spec, (System.nanoTime() - begin) / 1e9);
            processes.put(spec, stack.instance(spec));
        }
        for (ServiceSpec spec : List.of(ServiceSpec.CV_BUILDER, ServiceSpec.LLM_WORKER)) {
            long begin = System.nanoTime();
            processes.put(spec, stack.startInstance(spec, spec.module(), Map.of()));
            times.put(spec, (System.nanoTime() - begin) / 1e9);
        }
        LockSupport.parkNanos(settle.toNanos()); // idle is the thing measured
        List<Service> services = processes.entrySet().stream().map(e -> new Service(e.getKey(), times.get(e.getKey()),
                jvmSeconds(e.getValue().log()).orElse(Double.NaN), ProcessStats.rssMib(e.getValue().pid()))).toList();
        // cv-builder and llm-worker are not part of the rest of the suite (the scripted model answers instead)
        processes.get(ServiceSpec.CV_BUILDER).close();
        processes.get(ServiceSpec.LLM_WORKER).close();
        return services;
    }

    /** Seconds from nothing to every service UP: broker, store and all services, in a fresh data folder. */
    static double wholeStackColdStart(Path home, Map<String, String> env, Path data) {
        long begin = System.nanoTime();
        try (LocalStack stack = LocalStack.create(StackConfig.forTests(home, data, env))) {
            stack.startInfrastructure();
            stack.startServices(EnumSet.allOf(ServiceSpec.class));
            return (System.nanoTime() - begin) / 1e9;
        }
    }

    private static Optional<Double> jvmSeconds(Path log) {
        try {
            Matcher matcher = STARTED.matcher(Files.readString(log));
            return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
