package com.cvchat.llmworker.dispatch;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Hands in-flight work back when partitions leave this instance (rebalance or shutdown): see
 * {@link GenerationDispatcher#handBack}. Runs before the container commits the acknowledged offsets.
 */
@Component
class HandoffRebalanceListener implements ConsumerAwareRebalanceListener {

    private final GenerationDispatcher dispatcher;

    HandoffRebalanceListener(GenerationDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        dispatcher.handBack(partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        dispatcher.handBack(partitions);
    }
}
