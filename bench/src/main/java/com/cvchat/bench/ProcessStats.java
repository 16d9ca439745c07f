package com.cvchat.bench;

import com.cvchat.localstack.ServiceProcess;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What a service process uses, read from outside: resident memory and open files from {@code /proc}, heap and GC
 * pauses from its {@code /actuator/prometheus} (Micrometer's JVM metrics).
 */
record ProcessStats(double rssMib, long openFiles, double heapMib, double gcPauseMaxMs, long gcCount,
                    double gcTotalMs) {

    @Override
    public String toString() {
        return String.format("heap %.0f MiB, RSS %.0f MiB, %d files", heapMib, rssMib, openFiles);
    }

    static ProcessStats of(ServiceProcess process) {
        ApiResponse scrape = ApiClient.at("http://localhost:" + process.port()).tolerateTransportFailures()
                .get("/actuator/prometheus");
        String metrics = scrape.status() == 200 ? scrape.body() : null;
        if (metrics == null) { // e.g. a gateway out of open files cannot accept the scrape: not measured, not zero
            return new ProcessStats(rssMib(process.pid()), openFiles(process.pid()), Double.NaN, Double.NaN, -1,
                    Double.NaN);
        }
        return new ProcessStats(rssMib(process.pid()), openFiles(process.pid()),
                sum(metrics, "jvm_memory_used_bytes{", "area=\"heap\"") / (1024 * 1024),
                max(metrics, "jvm_gc_pause_seconds_max{") * 1000, (long) sum(metrics, "jvm_gc_pause_seconds_count{", ""),
                sum(metrics, "jvm_gc_pause_seconds_sum{", "") * 1000);
    }

    /** Runs a full GC in the process first ({@code jcmd GC.run}), so the heap figure is what is live. */
    static ProcessStats afterGc(ServiceProcess process) {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElse("java")).resolveSibling("jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), Long.toString(process.pid()), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            run.waitFor(60, TimeUnit.SECONDS);
        } catch (IOException e) {
            // no jcmd: the heap figure then includes garbage
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return of(process);
    }

    static double rssMib(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Double.parseDouble(l.replaceAll("[^0-9]", "")) / 1024).orElse(Double.NaN);
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** CPU time (user + system) the process has used so far, in seconds ({@code /proc/<pid>/stat}, 100 ticks/s). */
    static double cpuSeconds(long pid) {
        return statSeconds(pid, 2);
    }

    /** As {@link #cpuSeconds}, plus the CPU time of its children that have ended (cutime + cstime). */
    static double cpuSecondsWithChildren(long pid) {
        return statSeconds(pid, 4);
    }

    /** The sum of the first {@code fields} time fields of {@code /proc/<pid>/stat} from utime on, in seconds. */
    private static double statSeconds(long pid, int fields) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] values = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int i = 11; i < 11 + fields; i++) {
                ticks += Long.parseLong(values[i]);
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * The whole machine's CPU seconds so far from {@code /proc/stat}: {@code [busy, all]} summed over every core (busy is
     * all but idle and iowait); two samples give how busy the machine was between them.
     */
    static double[] machineSeconds() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/stat"))) {
            String[] f = lines.findFirst().orElseThrow().trim().split("\\s+");
            double all = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                all += Long.parseLong(f[i]);
            }
            double idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new double[] {(all - idle) / 100.0, all / 100.0};
        } catch (IOException | RuntimeException e) {
            return new double[] {Double.NaN, Double.NaN};
        }
    }

    static long openFiles(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return fds.count();
        } catch (IOException e) {
            return -1;
        }
    }

    private static double sum(String metrics, String prefix, String containing) {
        return values(metrics, prefix, containing).sum();
    }

    private static double max(String metrics, String prefix) {
        return values(metrics, prefix, "").max().orElse(Double.NaN);
    }

    private static java.util.stream.DoubleStream values(String metrics, String prefix, String containing) {
        if (metrics == null) {
            return java.util.stream.DoubleStream.empty();
        }
        return metrics.lines().filter(l -> l.startsWith(prefix) && l.contains(containing))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)));
    }
}
