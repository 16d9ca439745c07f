package com.cvchat.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * This JVM's CPU split by who uses it — the broker, the store, the SSE clients' HTTP client, the virtual threads
 * (the scripted model's answers and the SSE clients' readers share their carriers) and the rest — from per-thread CPU
 * time. The suite JVM is not part of the system measured, so its share says how much of the machine the measurement
 * itself takes.
 */
final class SuiteThreads {

    /** The groups, in the order {@link #cpuSeconds()} returns them. */
    static final List<String> GROUPS = List.of("broker", "store", "HTTP client", "virtual threads", "other");

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private SuiteThreads() {
    }

    /** CPU seconds used so far by the live platform threads of each group (a thread that ended is not counted). */
    static double[] cpuSeconds() {
        double[] seconds = new double[GROUPS.size()];
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long nanos = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] != null && nanos > 0) {
                seconds[group(infos[i].getThreadName())] += nanos / 1e9;
            }
        }
        return seconds;
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
        if (name.contains("kafka") || name.startsWith("data-plane") || name.startsWith("group-coordinator")
                || name.startsWith("controller") || name.startsWith("broker") || name.startsWith("executor-")
                || name.contains("raft") || name.startsWith("quorum") || name.startsWith("logdir")
                || name.startsWith("share-coordinator") || name.startsWith("transaction")) {
            return 0;
        }
        return 4;
    }
}
