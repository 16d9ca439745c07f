package com.cvchat.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How much the suite does: the full run or {@code --quick}. {@code warmUpRuns}: answer-path runs of 100 streams before the
 * first measured one; {@code acceptConversations} / {@code acceptLater}: item 3's first and later messages;
 * {@code idleSettle}: item 7's pause before idle memory; {@code restSettle} / {@code restWindow}: item 9's pause after
 * the last request and its measured window.
 */
record BenchSettings(boolean quick, boolean coldStart, List<Integer> streamLevels, int warmUpRuns,
                     int acceptConversations, int acceptLater, int voiceSessions, int connections,
                     int connectionStep, Duration connectionHold, List<Integer> workerLevels, Duration workerWarmUp,
                     Duration workerWindow, Duration idleSettle, int chatInstances, Duration restSettle,
                     Duration restWindow, Set<Integer> items) {

    /** Every item of the suite (its numbers as in bench/README.md). */
    static final Set<Integer> ALL_ITEMS = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

    /** Heartbeat of held SSE streams during the run (chat-service's {@code CHAT_STREAM_HEARTBEAT}). */
    static final Duration HEARTBEAT = Duration.ofSeconds(5);

    static BenchSettings fullRun() {
        return new BenchSettings(false, true, List.of(1, 100, 500), 3, 10,
                40, 10, 10_000, 2_000, Duration.ofSeconds(12), List.of(1, 2, 4), Duration.ofSeconds(10),
                Duration.ofSeconds(15), Duration.ofSeconds(15), 3, Duration.ofSeconds(60), Duration.ofSeconds(20),
                ALL_ITEMS);
    }

    static BenchSettings quickRun() {
        return new BenchSettings(true, false, List.of(1, 100), 1, 2, 10, 2,
                1_000, 1_000,
                // the worker warm-up covers the consumer group's rebalance when a worker joins (a 6 s one did not always)
                Duration.ofSeconds(11), List.of(1, 2, 4), Duration.ofSeconds(10), Duration.ofSeconds(8),
                // item 9 reduced too (the goal's figure is the full run's: a minute after, 20 s)
                Duration.ofSeconds(5), 3, Duration.ofSeconds(30), Duration.ofSeconds(10), ALL_ITEMS);
    }

    /**
     * {@code --quick}, {@code --only=2,3} (items 1 and 2 run together: the floor is measured at each level's record
     * rate) and {@code --streams=500} (the answer path's levels; the last one is held to G1 and used by item 8).
     */
    static BenchSettings from(String[] args) {
        BenchSettings settings = List.of(args).contains("--quick") ? quickRun() : fullRun();
        for (String arg : args) {
            if (arg.startsWith("--only=")) {
                Set<Integer> only = Arrays.stream(arg.substring("--only=".length()).split(","))
                        .map(String::strip).map(Integer::valueOf).collect(Collectors.toSet());
                if (!ALL_ITEMS.containsAll(only)) {
                    throw new IllegalArgumentException("--only takes item numbers 1-9, not " + only);
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
        return new BenchSettings(quick, coldStart && only.contains(7), streamLevels, warmUpRuns,
                acceptConversations, acceptLater, voiceSessions, connections, connectionStep, connectionHold,
                workerLevels, workerWarmUp, workerWindow, idleSettle, chatInstances, restSettle, restWindow,
                Set.copyOf(only));
    }

    BenchSettings withStreamLevels(List<Integer> levels) {
        return new BenchSettings(quick, coldStart, List.copyOf(levels), warmUpRuns, acceptConversations,
                acceptLater, voiceSessions, connections, connectionStep, connectionHold, workerLevels, workerWarmUp,
                workerWindow, idleSettle, chatInstances, restSettle, restWindow, items);
    }

    boolean runs(int item) {
        return items.contains(item);
    }

    /** Whether an item runs that needs the real llm-worker (1, 2, 3, 8, and 9: the whole stack at rest). */
    boolean runsAnswerPath() {
        return runs(1) || runs(2) || runs(3) || runs(8) || runs(9);
    }

    String mode() {
        String mode = quick ? "quick" : "full";
        return items.equals(ALL_ITEMS) ? mode : mode + "-only-" + items.stream().sorted().map(String::valueOf)
                .collect(Collectors.joining(""));
    }
}
