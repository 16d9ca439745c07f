package com.cvchat.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * This JVM's CPU split by who uses it — the broker, the store, the SSE clients' HTTP client, the virtual threads
 * (the scripted model's answers and the SSE clients' readers share their carriers), the suite's own Kafka clients
 * (the floor probe, the scripted model) and the rest (GC, JIT) — from per-thread CPU
 * time. The suite JVM is not part of the system measured, so its share says how much of the machine the measurement
 * itself takes.
 */
final class SuiteThreads {

    /** The groups, in the order {@link #cpuSeconds()} returns them. */
    static final List<String> GROUPS = List.of("broker", "store", "HTTP client", "virtual threads", "Kafka clients",
            "other");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SuiteThreads() {
    }

    /** Per thread: its group and the CPU nanoseconds it had used at the last look. */
    private static final Map<Long, long[]> LAST_SEEN = new HashMap<>();
    private static final double[] TOTALS = new double[GROUPS.size()];

    /**
     * CPU seconds used so far by each group, counted since the first call: every call adds what each platform thread
     * used since the previous call (a thread that ended in between loses only that last stretch), so the figures only
     * grow and two calls give what was used between them.
     */
    static synchronized double[] cpuSeconds() {
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        Map<Long, long[]> seen = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            long nanos = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] == null || nanos < 0) {
                continue;
            }
            long[] last = LAST_SEEN.get(ids[i]);
            int group = last != null ? (int) last[0] : group(infos[i].getThreadName());
            TOTALS[group] += (nanos - (last != null ? last[1] : 0)) / 1e9;
            seen.put(ids[i], new long[] {group, nanos});
        }
        LAST_SEEN.clear();
        LAST_SEEN.putAll(seen);
        return TOTALS.clone();
    }

    private static int group(String thread) {
        String name = thread.toLowerCase(Locale.ROOT);
        if (name.startsWith("mongo") || name.contains("h2")) {
            return 1;
        }
        if (name.startsWith("httpclient")) {
            return 2;
        }
        if (name.startsWith("forkjoinpool")) {
            return 3;
        }
        if (name.startsWith("kafka-producer") || name.startsWith("kafka-coordinator") || name.startsWith("kafka-admin")
                || name.startsWith("scripted-model")) {
            return 4;
        }
        if (name.contains("kafka") || name.startsWith("data-plane") || name.startsWith("group-coordinator")
                || name.startsWith("controller") || name.startsWith("broker") || name.startsWith("executor-")
                || name.contains("raft") || name.startsWith("quorum") || name.startsWith("logdir")
                || name.startsWith("share-coordinator") || name.startsWith("transaction")) {
            return 0;
        }
        return 5;
    }
}
