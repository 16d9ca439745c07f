package com.cvchat.reliability;

import com.cvchat.localhooks.HooksJar;
import com.cvchat.localstack.ServiceSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's packaged jar (what the images run) carries no test or local-run hook: neither the hooks of module
 * {@code local-hooks} (which the local stack adds to the class path of the processes it launches) nor any class of
 * its own or of the platform's libraries that knows their switches.
 */
class ProductionJarsIT {

    /** What a class that implements a hook would contain (the project's own classes are looked at). */
    private static final List<String> HOOK_MARKERS = List.of(
            HooksJar.PARENT_PID, "halt-after-publish", "localhooks");

    @ParameterizedTest
    @EnumSource(ServiceSpec.class)
    void shouldContainNoLocalRunOrTestHooks(ServiceSpec service) throws IOException {
        Path jar = Path.of("..").toAbsolutePath().normalize()
                .resolve(service.module()).resolve("target").resolve(service.module() + ".jar");
        List<String> found = new ArrayList<>();
        int classes = 0;
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : file.stream().toList()) {
                assertThat(entry.getName()).doesNotContain("local-hooks");
                if (entry.getName().endsWith(".class")) {
                    classes++;
                    found.addAll(markers(entry.getName(), file.getInputStream(entry).readAllBytes()));
                } else if (entry.getName().matches("BOOT-INF/lib/(platform-common|shared-events)-.*\\.jar")) {
                    classes += scanNested(entry.getName(), file.getInputStream(entry), found);
                }
            }
        }
        assertThat(classes).as("classes looked at in " + jar).isPositive();
        assertThat(found).as("classes of " + jar + " with a hook").isEmpty();
    }

    private static int scanNested(String name, InputStream in, List<String> found) throws IOException {
        int classes = 0;
        try (JarInputStream nested = new JarInputStream(in)) {
            for (JarEntry entry = nested.getNextJarEntry(); entry != null; entry = nested.getNextJarEntry()) {
                if (entry.getName().endsWith(".class")) {
                    classes++;
                    found.addAll(markers(name + "!" + entry.getName(), nested.readAllBytes()));
                }
            }
        }
        return classes;
    }

    private static List<String> markers(String name, byte[] classFile) {
        String text = new String(classFile, StandardCharsets.ISO_8859_1);
        return HOOK_MARKERS.stream().filter(text::contains).map(marker -> name + " (" + marker + ")").toList();
    }
}
