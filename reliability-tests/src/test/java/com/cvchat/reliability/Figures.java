package com.cvchat.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What one scenario measured: messages sent, answered, lost (goal 0), duplicated (goal 0) and the time from the fault
 * to recovery. Printed as one line and appended to {@code target/reliability-figures.txt}.
 */
record Figures(String scenario, int sent, int answered, int lost, int duplicated, Duration recovery) {

    private static final AtomicBoolean FIRST = new AtomicBoolean(true);

    String line() {
        return String.format("RELIABILITY %-28s sent=%3d answered=%3d lost=%d duplicated=%d recover=%.1fs",
                scenario, sent, answered, lost, duplicated, recovery.toMillis() / 1000.0);
    }

    Figures print() {
        System.out.println(line());
        try {
            // the first scenario of a test run starts the file afresh
            StandardOpenOption mode = FIRST.getAndSet(false)
                    ? StandardOpenOption.TRUNCATE_EXISTING : StandardOpenOption.APPEND;
            Files.writeString(Path.of("target", "reliability-figures.txt"), line() + System.lineSeparator(),
                    StandardOpenOption.CREATE, mode);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Messages per scenario: {@code -Dreliability.messages} (6 by default, 40 with {@code -Psoak}). */
    static int messages() {
        return Integer.getInteger("reliability.messages", 6);
    }

    /** Repetitions of the loop scenarios: {@code -Dreliability.rounds} (1 by default, 5 with {@code -Psoak}). */
    static int rounds() {
        return Integer.getInteger("reliability.rounds", 1);
    }
}
