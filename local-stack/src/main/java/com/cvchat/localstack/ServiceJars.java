package com.cvchat.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The services' packaged jars ({@code <module>/target/<module>.jar} under the stack's home), and getting them ready to
 * start fast: extracted into {@code <data>/cds}, with the AOT cache of each jar made by a training run when there is
 * none for this build yet ({@link AotCache}), all at once.
 */
final class ServiceJars {

    private final StackConfig config;

    ServiceJars(StackConfig config) {
        this.config = config;
    }

    Path jar(ServiceSpec spec) {
        Path jar = config.home().resolve(spec.module()).resolve("target").resolve(spec.module() + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
        }
        return jar;
    }

    /** Extracts the jars of {@code specs} and makes their AOT caches (training with {@code environment}). */
    void prepare(Set<ServiceSpec> specs, Function<ServiceSpec, Map<String, String>> environment) {
        Path cds = config.dataDir().resolve("cds");
        Path logs = config.dataDir().resolve("logs");
        List<ServiceSpec> training = specs.stream().filter(s -> !AotCache.usable(AotCache.of(jar(s)), jar(s))).toList();
        if (!training.isEmpty()) {
            System.out.println("  … making the AOT cache of " + training.stream().map(ServiceSpec::module).toList()
                    + " (once per build; a training run each, logs in " + logs + ")");
        }
        specs.parallelStream().forEach(spec -> {
            if (!ServiceCommand.prepare(spec, jar(spec), cds, logs, environment.apply(spec))) {
                System.out.println("  … no AOT cache for " + spec.module() + " (see " + logs.resolve(spec.module()
                        + "-aot-training.log") + "); it starts with the class-data archive instead");
            }
        });
    }
}
