package com.cvchat.events;

import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.json.EventHeaders;
import com.cvchat.events.json.EventSerializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every event type through a real KRaft broker with the project's own (de)serializers, keyed by conversation id. */
class EventsOnKafkaIT {

    private static EmbeddedKafkaKraftBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void shouldCarryEveryEventTypeInOrderPerConversation() throws Exception {
        String topic = "events-it-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(topic, 4, (short) 1))).all().get();
        }
        // Given three conversations, each receiving every event type in a known order
        List<String> conversations = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
        Map<String, List<EventEnvelope<?>>> sent = new LinkedHashMap<>();
        List<EventPayload> payloads = SampleEvents.payloads();
        try (KafkaProducer<String, EventEnvelope<?>> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new EventSerializer())) {
            for (int round = 0; round < 3; round++) {
                for (String conversation : conversations) {
                    for (EventPayload payload : payloads) {
                        EventEnvelope<?> envelope = EventEnvelope.of(conversation, SampleEvents.USER, "corr-" + round, payload);
                        sent.computeIfAbsent(conversation, k -> new ArrayList<>()).add(envelope);
                        producer.send(new ProducerRecord<>(topic, envelope.key(), envelope));
                    }
                }
            }
            producer.flush();
        }

        // When everything is consumed with the project's deserializer
        Map<String, List<EventEnvelope<?>>> received = new LinkedHashMap<>();
        List<ConsumerRecord<String, EventEnvelope<EventPayload>>> records = new ArrayList<>();
        try (KafkaConsumer<String, EventEnvelope<EventPayload>> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "events-it",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(topic));
            int expected = conversations.size() * payloads.size() * 3;
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
            assertThat(records).hasSize(expected);
        }
        records.forEach(r -> received.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r.value()));

        // Then each conversation's events arrive complete, equal and in the order sent, keyed by conversation id
        assertThat(received).containsOnlyKeys(conversations);
        conversations.forEach(c -> assertThat(received.get(c)).containsExactlyElementsOf(sent.get(c)));
        assertThat(records).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(r.value().conversationId());
            assertThat(new String(r.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8))
                    .isEqualTo(r.value().type());
            assertThat(new String(r.headers().lastHeader(EventHeaders.SCHEMA_VERSION).value(), StandardCharsets.UTF_8))
                    .isEqualTo(Integer.toString(r.value().schemaVersion()));
        });
        // and every type name made the trip
        assertThat(records.stream().map(r -> r.value().type()).distinct()).containsExactlyInAnyOrderElementsOf(EventTypes.names());
    }
}
