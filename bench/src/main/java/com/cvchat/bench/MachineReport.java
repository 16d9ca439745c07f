package com.cvchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The head of a results file: when, on what machine (CPUs, memory, JVM, OS), under what load, for how long. */
final class MachineReport {

    private MachineReport() {
    }

    static String header(BenchSettings s, String started, String loadBefore, String loadAfter, double seconds) {
        return String.format("""
                        # bench/run%s — %s

                        - machine: %d CPUs, %s memory, %s %s (%s), %s
                        - load average (1/5/15 min) before: %s; after: %s
                        - suite wall time: %.0f s
                        """, s.quick() ? " --quick" : "", started, Runtime.getRuntime().availableProcessors(),
                memTotal(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                System.getProperty("java.vendor"), System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                loadBefore, loadAfter, seconds);
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String memTotal() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal:")).findFirst()
                    .map(l -> String.format("%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024))
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
