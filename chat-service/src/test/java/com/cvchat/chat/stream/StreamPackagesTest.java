package com.cvchat.chat.stream;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * chat-service's packages depend on each other one way only, and the stream's parts in the order of decision 0901:
 * {@code stream.http} → {@code stream.answer} → {@code stream.storage}. Read from the main sources (every reference
 * to a {@code com.cvchat.chat} type, imported or written out), so a cycle coming back fails here, not in review.
 */
class StreamPackagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final String ROOT = "com.cvchat.chat";
    private static final Pattern REFERENCE = Pattern.compile("\\b(com\\.cvchat\\.chat(?:\\.[a-z][a-z0-9]*)*)\\.[A-Z]");

    @Test
    void shouldLetTheStreamPartsDependOneWayOnly() {
        Map<String, Set<String>> uses = dependencies();

        assertThat(uses.get(ROOT + ".stream.storage")).as("stream.storage uses")
                .doesNotContain(ROOT + ".stream.answer", ROOT + ".stream.http");
        assertThat(uses.get(ROOT + ".stream.answer")).as("stream.answer uses")
                .doesNotContain(ROOT + ".stream.http");
    }

    @Test
    void shouldHaveNoCycleBetweenPackages() {
        Map<String, Set<String>> uses = dependencies();

        assertThat(uses).as("packages read").containsKeys(ROOT + ".stream.http", ROOT + ".stream.answer");
        List<String> cycles = new ArrayList<>();
        for (String from : uses.keySet()) {
            for (String to : uses.get(from)) {
                if (reaches(uses, to, from, new TreeSet<>())) {
                    cycles.add(from + " <-> " + to);
                }
            }
        }
        assertThat(cycles).as("package pairs that reach each other").isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        return uses.getOrDefault(from, Set.of()).stream().anyMatch(next -> reaches(uses, next, target, seen));
    }

    /** Each package of the service and the other packages of the service its classes refer to. */
    private static Map<String, Set<String>> dependencies() {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES.resolve(ROOT.replace('.', '/')))) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace(file.getFileSystem().getSeparator(), ".");
                Set<String> used = uses.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher reference = REFERENCE.matcher(read(file));
                while (reference.find()) {
                    if (!reference.group(1).equals(pkg)) {
                        used.add(reference.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return uses;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
