package com.cvchat.platform.replies;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.json.EventSerializer;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmResponseEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a service sharing a reply topic on a real KRaft broker: each fetches only what is sent to its own
 * partitions, and a stream whose partition moves to the other instance in a rebalance goes on, nothing lost or twice.
 */
class ReplyChannelIT {

    private static final String TOPIC = "llm.responses.test";
    private static final int PARTITIONS = 4;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static EmbeddedKafkaKraftBroker broker;
    private static KafkaProducer<String, EventEnvelope<?>> producer;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
        }
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.LINGER_MS_CONFIG, 0), new StringSerializer(), new EventSerializer());
    }

    @AfterAll
    static void stop() {
        producer.close();
        broker.destroy();
    }

    @Test
    void shouldKeepEveryStreamWholeWhenItsPartitionMovesToAnotherInstance() throws Exception {
        SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry secondMeters = new SimpleMeterRegistry();
        ReplyChannel first = channel(firstMeters);
        ReplyChannel second = null;
        try {
            first.start();
            await().atMost(WAIT).until(() -> first.address() != null && owned(firstMeters) == PARTITIONS);

            // Given one stream on each partition, all asked by the first instance, three chunks each so far
            Map<String, List<LlmResponseEvent>> received = new ConcurrentHashMap<>();
            List<ReplyChannel.Address> addresses = new ArrayList<>();
            for (int i = 0; i < PARTITIONS; i++) {
                ReplyChannel.Address address = first.address();
                String requestId = "request-" + address.partition();
                received.put(requestId, new CopyOnWriteArrayList<>());
                first.subscribe(address, Set.of(requestId), event -> received.get(requestId).add(event));
                addresses.add(address);
            }
            assertThat(addresses).extracting(ReplyChannel.Address::partition).containsExactlyInAnyOrder(0, 1, 2, 3);
            sendChunks(addresses, 0, 3);
            await().atMost(WAIT).until(() -> received.values().stream().allMatch(events -> events.size() == 3));

            // When a second instance joins the group and takes some of the partitions
            second = channel(secondMeters);
            second.start();
            await().atMost(WAIT).until(() -> owned(firstMeters) + owned(secondMeters) == PARTITIONS
                    && owned(secondMeters) > 0);
            sendChunks(addresses, 3, 6);

            // Then every stream gets chunks 0..5 in order, once each ...
            await().atMost(WAIT).untilAsserted(() -> received.forEach((request, events) ->
                    assertThat(events).as(request).extracting(e -> ((LlmChunk) e).sequence())
                            .containsExactlyElementsOf(LongStream.range(0, 6).boxed().toList())));
            // ... the newcomer parsed nothing (it waits for no request) and fetched only its own partitions' tail
            double secondFetched = count(secondMeters, "routed") + count(secondMeters, "unclaimed");
            assertThat(count(secondMeters, "routed")).isZero();
            assertThat(secondFetched).isEqualTo(3.0 * owned(secondMeters));
            // ... and new requests of the first instance name only partitions it still owns
            ReplyChannel.Address next = first.address();
            assertThat(next.partition()).isIn(partitionsOf(first, owned(firstMeters)));
        } finally {
            first.stop();
            if (second != null) {
                second.stop();
            }
        }
    }

    private static Set<Integer> partitionsOf(ReplyChannel channel, double owned) {
        Set<Integer> partitions = new java.util.TreeSet<>();
        for (int i = 0; i < owned; i++) {
            partitions.add(channel.address().partition());
        }
        return partitions;
    }

    private static void sendChunks(List<ReplyChannel.Address> addresses, int from, int to) throws Exception {
        for (ReplyChannel.Address address : addresses) {
            String requestId = "request-" + address.partition();
            for (int sequence = from; sequence < to; sequence++) {
                producer.send(new ProducerRecord<>(TOPIC, address.partition(), "conversation",
                        EventEnvelope.of("conversation", "user", requestId,
                                new LlmChunk(requestId, "test", sequence, "w" + sequence)))).get();
            }
        }
    }

    private static double owned(SimpleMeterRegistry meters) {
        return meters.get("platform.replies.partitions").gauge().value();
    }

    private static double count(SimpleMeterRegistry meters, String result) {
        return meters.get("platform.replies.records").tag("result", result).counter().count();
    }

    private static ReplyChannel channel(SimpleMeterRegistry meters) {
        Map<String, Object> base = new HashMap<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString(), ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
        Map<String, Object> group = new HashMap<>(base);
        group.put(ConsumerConfig.GROUP_ID_CONFIG, "test-replies");
        group.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        group.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        Map<String, Object> reader = new HashMap<>(base);
        reader.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new ReplyChannel(TOPIC, false, group, reader, WAIT, meters);
    }
}
