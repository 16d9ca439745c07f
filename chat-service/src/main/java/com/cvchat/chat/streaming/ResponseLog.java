package com.cvchat.chat.streaming;

import com.cvchat.events.EventPayload;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Where a conversation's answers lie on {@code llm.responses}, and readers of that log from a given offset: the
 * replay source that lets any instance resume a stream. Kafka keeps the responses (1 day), so nothing else has to.
 */
@Component
public class ResponseLog implements AutoCloseable {

    private static final String TOPIC = Topics.LLM_RESPONSES.name();

    private final Admin admin;
    private final KafkaTemplate<Object, Object> template;
    private final ConsumerFactory<?, ?> consumers;

    ResponseLog(KafkaAdmin kafkaAdmin, KafkaTemplate<Object, Object> template, ConsumerFactory<?, ?> consumers) {
        this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
        this.template = template;
        this.consumers = consumers;
    }

    public int partitionCount() {
        return template.partitionsFor(TOPIC).size();
    }

    /** The partition of {@code llm.responses} that holds this conversation's responses (the key's partition). */
    public TopicPartition partitionOf(String conversationId) {
        int partitions = partitionCount();
        byte[] key = conversationId.getBytes(StandardCharsets.UTF_8);
        return new TopicPartition(TOPIC, Utils.toPositive(Utils.murmur2(key)) % partitions);
    }

    public long endOffset(TopicPartition partition) {
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest())).partitionResult(partition)
                    .get(10, TimeUnit.SECONDS).offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading the offset of " + partition, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the offset of " + partition, e);
        }
    }

    /** A consumer of one partition of {@code llm.responses} positioned at {@code offset}, outside any group. */
    public KafkaConsumer<String, EventEnvelope<EventPayload>> readerAt(int partition, long offset) {
        Map<String, Object> config = new java.util.HashMap<>(consumers.getConfigurationProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        KafkaConsumer<String, EventEnvelope<EventPayload>> consumer = new KafkaConsumer<>(config);
        TopicPartition topicPartition = new TopicPartition(TOPIC, partition);
        consumer.assign(java.util.List.of(topicPartition));
        consumer.seek(topicPartition, offset);
        return consumer;
    }

    @Override
    public void close() {
        admin.close();
    }
}
