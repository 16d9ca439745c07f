package com.cvchat.platform.replay;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.json.EventFormatException;
import com.cvchat.events.json.EventJson;
import com.cvchat.events.sealing.DataKeys;
import com.cvchat.platform.kafka.LogToEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads {@code conversation.events}, the record of truth, straight from Kafka: one conversation's ordered history
 * (only the partition its key hashes to is scanned), or every event from the beginning up to the end offsets seen at
 * the start of the read. Used by the replay command and the audit API, so both read the log the same way.
 */
public final class ConversationLog {

    /** How long a read may make no progress before it fails (a broker gone). */
    private static final Duration STALL = Duration.ofMinutes(1);

    private final Map<String, Object> consumerConfig;
    private final DataKeys keys;

    /** A reader without data keys: fails on a sealed payload. */
    public ConversationLog(String bootstrapServers) {
        this(bootstrapServers, null);
    }

    /** A reader that opens sealed payloads with {@code keys} (erased ones decode as {@code ErasedEvent}). */
    public ConversationLog(String bootstrapServers, DataKeys keys) {
        this.keys = keys;
        this.consumerConfig = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    }

    /** Every event of {@code conversationId}, in log order. */
    public List<EventEnvelope<ConversationEvent>> history(String conversationId) {
        List<EventEnvelope<ConversationEvent>> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            int partitions = consumer.partitionsFor(Topics.CONVERSATION_EVENTS.name()).size();
            int partition = BuiltInPartitioner.partitionForKey(conversationId.getBytes(StandardCharsets.UTF_8), partitions);
            readToEnd(consumer, List.of(new TopicPartition(Topics.CONVERSATION_EVENTS.name(), partition)), record -> {
                if (conversationId.equals(record.key())) {
                    events.add(decode(record));
                }
            });
        }
        return events;
    }

    /** Every event of the topic from the beginning, partition by partition (order is kept per conversation). */
    public long forEach(Consumer<EventEnvelope<ConversationEvent>> action) {
        long[] count = {0};
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            readToEnd(consumer, LogToEnd.partitionsOf(consumer, List.of(Topics.CONVERSATION_EVENTS.name())), record -> {
                action.accept(decode(record));
                count[0]++;
            });
        }
        return count[0];
    }

    private static void readToEnd(KafkaConsumer<String, byte[]> consumer, Collection<TopicPartition> partitions,
                                  Consumer<ConsumerRecord<String, byte[]>> action) {
        LogToEnd.read(consumer, partitions, Map.of(), STALL, record -> {
            if (record.value() != null) {
                action.accept(record);
            }
        });
    }

    @SuppressWarnings("unchecked")
    private EventEnvelope<ConversationEvent> decode(ConsumerRecord<String, byte[]> record) {
        EventEnvelope<EventPayload> envelope = EventJson.fromBytes(record.value(), keys);
        if (!(envelope.payload() instanceof ConversationEvent)) {
            throw new EventFormatException("Not a conversation event at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + ": " + envelope.type());
        }
        return (EventEnvelope<ConversationEvent>) (EventEnvelope<?>) envelope;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
