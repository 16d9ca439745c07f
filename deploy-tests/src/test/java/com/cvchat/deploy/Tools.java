package com.cvchat.deploy;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The command-line tools the validation runs: docker-compose and a kustomize implementation (kustomize, or kubectl's
 * built-in one). They are looked up on PATH and in {@code KUSTOMIZE_BIN} / {@code KUBECTL_BIN}; {@code .ci/run}
 * installs whatever is missing. A missing tool fails the test with what to install: nothing is skipped.
 */
final class Tools {

    private Tools() {
    }

    record Result(int exitCode, String stdout, String stderr) {
    }

    /** {@code kustomize build <dir>} or {@code kubectl kustomize <dir>}: the rendered multi-document YAML. */
    static String kustomize(Path directory) {
        List<String> command = kustomizeCommand();
        command.add(directory.toString());
        Result result = run(command, Map.of());
        if (result.exitCode() != 0) {
            throw new AssertionError("Kustomize failed for " + directory + " (" + String.join(" ", command) + "):\n"
                    + result.stderr());
        }
        return result.stdout();
    }

    static List<String> kustomizeCommand() {
        Optional<Path> kustomize = executable("KUSTOMIZE_BIN", "kustomize");
        if (kustomize.isPresent()) {
            return new ArrayList<>(List.of(kustomize.get().toString(), "build"));
        }
        Optional<Path> kubectl = executable("KUBECTL_BIN", "kubectl");
        if (kubectl.isPresent()) {
            return new ArrayList<>(List.of(kubectl.get().toString(), "kustomize"));
        }
        throw new AssertionError("Neither kustomize nor kubectl is on PATH (or in KUSTOMIZE_BIN / KUBECTL_BIN). "
                + "Run .ci/run, which installs kubectl, or install kubectl / kustomize yourself.");
    }

    static Path dockerCompose() {
        return executable("DOCKER_COMPOSE_BIN", "docker-compose").orElseThrow(() -> new AssertionError(
                "docker-compose is not on PATH: apt-get install docker-compose (.ci/run does it when run as root)"));
    }

    static Result run(List<String> command, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(Repository.root().toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out: " + String.join(" ", command));
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Path> executable(String variable, String name) {
        String explicit = System.getenv(variable);
        if (explicit != null && !explicit.isBlank()) {
            Path path = Path.of(explicit);
            if (!Files.isExecutable(path)) {
                throw new AssertionError(variable + "=" + explicit + " is not an executable file");
            }
            return Optional.of(path);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(dir -> !dir.isBlank())
                .map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
