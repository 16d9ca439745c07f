package com.cvchat.llmworker.dispatch;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.Acknowledgment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Offsets are acknowledged only over a finished prefix, whatever order generations finish in. */
class OffsetTrackerTest {

    private static final TopicPartition PARTITION = new TopicPartition("llm.requests", 0);

    private final List<Long> committed = new ArrayList<>();
    private final OffsetTracker tracker = new OffsetTracker();

    private Acknowledgment ack(long offset) {
        return () -> committed.add(offset);
    }

    @Test
    void shouldNotCommitPastAnUnfinishedRecord() {
        Acknowledgment first = ack(10);
        Acknowledgment second = ack(11);
        Acknowledgment third = ack(12);
        tracker.received(PARTITION, 10, first);
        tracker.received(PARTITION, 11, second);
        tracker.received(PARTITION, 12, third);

        tracker.done(PARTITION, 12, third);
        tracker.done(PARTITION, 11, second);
        assertThat(committed).isEmpty();

        tracker.done(PARTITION, 10, first);
        assertThat(committed).containsExactly(12L);
        assertThat(tracker.pending()).isZero();
    }

    @Test
    void shouldIgnoreAnOlderDeliveryOfARedeliveredOffset() {
        Acknowledgment handedBack = ack(20);
        tracker.received(PARTITION, 20, handedBack);
        tracker.revoked(Set.of(PARTITION));
        Acknowledgment redelivered = ack(20);
        tracker.received(PARTITION, 20, redelivered);

        tracker.done(PARTITION, 20, handedBack);
        assertThat(committed).isEmpty();

        tracker.done(PARTITION, 20, redelivered);
        assertThat(committed).containsExactly(20L);
    }
}
