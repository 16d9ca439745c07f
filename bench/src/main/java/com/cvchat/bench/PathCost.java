package com.cvchat.bench;

import com.cvchat.localstack.ServiceSpec;

/**
 * Where the answer path's CPU goes: the whole path's seconds (every service process, and the suite's JVM — broker,
 * store, GC/JIT — without the load generator) and its share per part, per token.
 */
final class PathCost {

    /** The parts, in the order {@link #perToken} gives them. */
    static final String PARTS = "gateway + chat-service + llm-worker + other services (auth, voice, "
            + "cv-builder) + broker + store + suite JVM's GC/JIT/other";

    private PathCost() {
    }

    /** The whole path's CPU seconds: every service process, and this JVM without the load generator. */
    static double seconds(StackCpu used) {
        return used.stackTotal() - used.suite() + used.suiteWithoutLoadGenerator();
    }

    /** µs per token of each part of the path, in the order of {@link #PARTS}. */
    static String perToken(ChunkPathBench.Run run, StackCpu used) {
        double suiteRest = used.suiteWithoutLoadGenerator() - used.suiteGroup("broker") - used.suiteGroup("store");
        return String.format("%.0f + %.0f + %.0f + %.0f + %.0f + %.0f + %.0f",
                run.perToken(used.of(ServiceSpec.GATEWAY)), run.perToken(used.of(ServiceSpec.CHAT)),
                run.perToken(used.of(ServiceSpec.LLM_WORKER)),
                run.perToken(used.of(ServiceSpec.AUTH, ServiceSpec.VOICE, ServiceSpec.CV_BUILDER)),
                run.perToken(used.suiteGroup("broker")), run.perToken(used.suiteGroup("store")),
                run.perToken(suiteRest));
    }
}
