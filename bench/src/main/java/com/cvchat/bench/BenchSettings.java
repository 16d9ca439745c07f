package com.cvchat.bench;

import java.time.Duration;
import java.util.List;

/** How much the suite does: the full run (≤ 15 min) or {@code --quick} (≤ 3 min). */
record BenchSettings(boolean quick, boolean coldStart, List<Integer> streamLevels, int chunks, int paceMs,
                     int firstChunkSamples, int voiceSessions, int connections, int connectionStep,
                     Duration connectionHold, List<Integer> workerLevels, Duration workerWarmUp,
                     Duration workerWindow, Duration idleSettle) {

    /** Heartbeat of held SSE streams during the run (chat-service's {@code CHAT_STREAM_HEARTBEAT}). */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    static BenchSettings fullRun() {
        return new BenchSettings(false, true, List.of(1, 100, 500), 20, 100, 30, 10, 10_000, 2_000,
                Duration.ofSeconds(12), List.of(1, 2, 4), Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofSeconds(15));
    }

    static BenchSettings quickRun() {
        return new BenchSettings(true, false, List.of(1, 100), 10, 100, 10, 2, 1_000, 1_000,
                Duration.ofSeconds(11), List.of(1, 2, 4), Duration.ofSeconds(6), Duration.ofSeconds(6),
                Duration.ofSeconds(5));
    }

    static BenchSettings from(String[] args) {
        return List.of(args).contains("--quick") ? quickRun() : fullRun();
    }

    String mode() {
        return quick ? "quick" : "full";
    }
}
