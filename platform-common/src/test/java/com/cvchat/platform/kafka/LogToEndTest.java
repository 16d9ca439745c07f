package com.cvchat.platform.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The read's edges, on Kafka's own in-memory consumer: where it starts, where it stops, and that a log that stops
 * moving fails the read instead of hanging it. Reading a real broker's topics is covered by the ITs that use it
 * (UserKeyStoreIT, the audit and replay ITs, every test reading through TopicRecords).
 */
class LogToEndTest {

    private static final TopicPartition FIRST = new TopicPartition("log", 0);
    private static final TopicPartition SECOND = new TopicPartition("log", 1);

    @Test
    void shouldReadFromTheMarksOrTheBeginningUpToTheEndSeenAtTheStart() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(FIRST, 0L, SECOND, 0L));
        consumer.updateEndOffsets(Map.of(FIRST, 3L, SECOND, 1L));
        consumer.schedulePollTask(() -> {
            for (long offset = 1; offset <= 3; offset++) {
                consumer.addRecord(new ConsumerRecord<>("log", 0, offset, "k", "first-" + offset));
            }
            consumer.addRecord(new ConsumerRecord<>("log", 1, 0, "k", "second-0"));
        });
        List<String> read = new ArrayList<>();

        long count = LogToEnd.read(consumer, List.of(FIRST, SECOND), Map.of(FIRST, 1L), Duration.ofSeconds(5),
                record -> read.add(record.value()));

        assertThat(read).containsExactlyInAnyOrder("first-1", "first-2", "second-0");
        assertThat(count).isEqualTo(3);
    }

    @Test
    void shouldFailWhenTheLogStopsMovingBeforeItsEnd() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.updateBeginningOffsets(Map.of(FIRST, 0L));
        consumer.updateEndOffsets(Map.of(FIRST, 2L));

        assertThatThrownBy(() -> LogToEnd.read(consumer, List.of(FIRST), Map.of(), Duration.ofMillis(300), record -> {
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("no progress");
    }
}
