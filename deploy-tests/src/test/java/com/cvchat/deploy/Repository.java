package com.cvchat.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the repository this module lives in. */
final class Repository {

    private Repository() {
    }

    /** The repository root: the first folder upwards from the working directory that holds docker-compose.yml and k8s/. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("k8s"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("No docker-compose.yml with a k8s/ folder beside it above " + Path.of("").toAbsolutePath());
    }

    static Path overlay(String name) {
        return root().resolve("k8s").resolve("overlays").resolve(name);
    }
}
