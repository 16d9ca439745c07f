package com.cvchat.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** How much the suite does: the full run (≤ 15 min) or {@code --quick} (≤ 3 min). */
record BenchSettings(boolean quick, boolean coldStart, List<Integer> streamLevels, int chunks, int paceMs,
                     int firstChunkSamples, int voiceSessions, int connections, int connectionStep,
                     Duration connectionHold, List<Integer> workerLevels, Duration workerWarmUp,
                     Duration workerWindow, Duration idleSettle, Set<Integer> items) {

    /** Every item of the suite (its numbers as in the issue and bench/README.md). */
    static final Set<Integer> ALL_ITEMS = Set.of(1, 2, 3, 4, 5, 6, 7);

    /** Heartbeat of held SSE streams during the run (chat-service's {@code CHAT_STREAM_HEARTBEAT}). */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    static BenchSettings fullRun() {
        return new BenchSettings(false, true, List.of(1, 100, 500), 20, 100, 30, 10, 10_000, 2_000,
                Duration.ofSeconds(12), List.of(1, 2, 4), Duration.ofSeconds(10), Duration.ofSeconds(15),
                Duration.ofSeconds(15), ALL_ITEMS);
    }

    static BenchSettings quickRun() {
        return new BenchSettings(true, false, List.of(1, 100), 10, 100, 10, 2, 1_000, 1_000,
                // the worker warm-up covers the consumer group's rebalance when a worker joins (a 6 s one did not always)
                Duration.ofSeconds(11), List.of(1, 2, 4), Duration.ofSeconds(10), Duration.ofSeconds(8),
                Duration.ofSeconds(5), ALL_ITEMS);
    }

    /**
     * {@code --quick}, {@code --only=2,3} (items 1–3 run together: the floor and chunk path share a level loop) and
     * {@code --streams=500} (item 2's levels; the last one is held to the goal).
     */
    static BenchSettings from(String[] args) {
        BenchSettings settings = List.of(args).contains("--quick") ? quickRun() : fullRun();
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                Set<Integer> only = Arrays.stream(arg.substring("--only=".length()).split(","))
                        .map(String::strip).map(Integer::valueOf).collect(Collectors.toSet());
                if (!ALL_ITEMS.containsAll(only)) {
                    throw new IllegalArgumentException("--only takes item numbers 1-7, not " + only);
                }
                settings = settings.withItems(only);
            } else if (arg.startsWith("--streams=")) {
                List<Integer> levels = Arrays.stream(arg.substring("--streams=".length()).split(","))
                        .map(String::strip).map(Integer::valueOf).toList();
                if (levels.isEmpty() || levels.stream().anyMatch(level -> level < 1)) {
                    throw new IllegalArgumentException("--streams takes stream counts ≥ 1, not " + levels);
                }
                settings = settings.withStreamLevels(levels);
            }
        }
        return settings;
    }

    BenchSettings withItems(Set<Integer> only) {
        return new BenchSettings(quick, coldStart && only.contains(7), streamLevels, chunks, paceMs, firstChunkSamples,
                voiceSessions, connections, connectionStep, connectionHold, workerLevels, workerWarmUp, workerWindow,
                idleSettle, Set.copyOf(only));
    }

    BenchSettings withStreamLevels(List<Integer> levels) {
        return new BenchSettings(quick, coldStart, List.copyOf(levels), chunks, paceMs, firstChunkSamples, voiceSessions,
                connections, connectionStep, connectionHold, workerLevels, workerWarmUp, workerWindow, idleSettle, items);
    }

    boolean runs(int item) {
        return items.contains(item);
    }

    String mode() {
        String mode = quick ? "quick" : "full";
        return items.equals(ALL_ITEMS) ? mode : mode + "-only-" + items.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(""));
    }
}
