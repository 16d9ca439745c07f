package com.cvchat.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Waits until chat-service has stored and projected every answer given so far: its answer persister
 * ({@code chat-persister} on {@code llm.outcomes}) and its projector ({@code chat-service-projector} on
 * {@code conversation.events}) have committed up to the end of their topics. Asked of the broker (a few admin
 * requests a second), so waiting costs the services nothing.
 */
final class StoredAnswers implements AutoCloseable {

    private static final Map<String, String> GROUPS = Map.of("chat-persister", "llm.outcomes",
            "chat-service-projector", "conversation.events");
    private static final Duration POLL = Duration.ofMillis(100);

    private final Admin admin;

    StoredAnswers(String bootstrap) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    /** True once both groups are at the end of their topics, false after {@code atMost}. */
    boolean await(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (GROUPS.keySet().stream().allMatch(group -> lag(group) == 0)) {
                return true;
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
        return false;
    }

    private long lag(String group) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                    admin.describeTopics(java.util.List.of(GROUPS.get(group))).allTopicNames().get().values().stream()
                            .flatMap(topic -> topic.partitions().stream()
                                    .map(p -> new TopicPartition(topic.name(), p.partition())))
                            .collect(Collectors.toMap(Function.identity(), tp -> OffsetSpec.latest()))).all().get();
            return ends.entrySet().stream().mapToLong(end -> {
                OffsetAndMetadata at = committed.get(end.getKey());
                return end.getValue().offset() - (at == null ? 0 : at.offset());
            }).sum();
        } catch (ExecutionException e) {
            return Long.MAX_VALUE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Long.MAX_VALUE;
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
