package com.cvchat.llmworker.dispatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChunkCoalescerTest {

    private static final long WINDOW = Duration.ofMillis(60).toNanos();

    private record Sent(String text, long at) {
    }

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final ChunkCoalescer chunks = new ChunkCoalescer(WINDOW, 64, timer,
            text -> sent.add(new Sent(text, System.nanoTime())));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    @Test
    void shouldSendTheFirstPieceAtOnce() {
        chunks.add("Hello");

        assertThat(sent).extracting(Sent::text).containsExactly("Hello");
    }

    @Test
    void shouldKeepTheOrderAndAtLeastTheWindowBetweenChunks() {
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            String piece = (i == 0 ? "" : " ") + "w" + i;
            all.append(piece);
            chunks.add(piece);
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos()); // the model's pace: a piece every 10 ms
        }
        chunks.close();

        assertThat(String.join("", sent.stream().map(Sent::text).toList())).isEqualTo(all.toString());
        assertThat(sent.size()).isLessThanOrEqualTo(30);
        for (int i = 1; i < sent.size() - 1; i++) {
            assertThat(sent.get(i).at() - sent.get(i - 1).at()).as("gap before chunk " + i)
                    .isGreaterThanOrEqualTo(WINDOW);
        }
    }

    @Test
    void shouldJoinPiecesThatComeFasterThanTheWindowIntoOneChunk() {
        List<Sent> joined = new CopyOnWriteArrayList<>();
        ChunkCoalescer slow = new ChunkCoalescer(Duration.ofMillis(500).toNanos(), 1024, timer,
                text -> joined.add(new Sent(text, System.nanoTime())));

        for (int i = 0; i < 10; i++) {
            slow.add("p" + i + " ");
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> joined.size() == 2);
        assertThat(joined).extracting(Sent::text).containsExactly("p0 ", "p1 p2 p3 p4 p5 p6 p7 p8 p9 ");
        assertThat(joined.get(1).at() - joined.get(0).at()).isGreaterThanOrEqualTo(Duration.ofMillis(500).toNanos());
    }

    @Test
    void shouldSendHeldTextWhenTheWindowPassesWithoutANewPiece() {
        chunks.add("one");
        chunks.add(" two");

        await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 2);
        assertThat(sent.get(1).text()).isEqualTo(" two");
        assertThat(sent.get(1).at() - sent.get(0).at()).isGreaterThanOrEqualTo(WINDOW);
    }

    @Test
    void shouldSendAtOnceWhenTheHeldTextReachesTheSizeBound() {
        chunks.add("first");
        chunks.add("x".repeat(70));

        assertThat(sent).extracting(Sent::text).containsExactly("first", "x".repeat(70));
    }

    @Test
    void shouldFlushEverythingOnCloseAndNothingAfter() {
        chunks.add("a");
        chunks.add("b");
        chunks.close();
        chunks.add("c");

        assertThat(sent).extracting(Sent::text).containsExactly("a", "b");
    }

    @Test
    void shouldDropHeldTextWhenDiscarded() {
        chunks.add("a");
        chunks.add("b");
        chunks.discard();

        await().during(Duration.ofMillis(150)).atMost(Duration.ofSeconds(2))
                .until(() -> sent.size() == 1);
        assertThat(sent).extracting(Sent::text).containsExactly("a");
    }
}
