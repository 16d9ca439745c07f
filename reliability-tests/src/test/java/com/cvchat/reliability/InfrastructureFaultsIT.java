package com.cvchat.reliability;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.json.EventJson;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.cvchat.platform.test.kafka.TopicRecords;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker and the store going away and coming back, and poison records on every consumed topic, on a stack of
 * this class's own (gateway, auth, chat-service, llm-worker: the consumers of all three topics; cv-builder and voice
 * consume them through the same platform error handler). The services are never restarted: they recover by themselves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureFaultsIT extends FaultScenarios {

    private static final Duration RECOVERY = Duration.ofSeconds(90);
    private static final String UNAVAILABLE = "{\"error\":\"The service is temporarily unavailable. Please try again shortly.\"}";

    @Test
    @Order(1)
    void shouldLoseNoAcknowledgedConversationWhenTheBrokerRestartsUnderLoad() throws Exception {
        int sent = 0;
        List<String> acknowledged = new ArrayList<>();
        Duration recovery = Duration.ZERO;
        for (int round = 0; round < Figures.rounds(); round++) {
            // Given a client creating conversations without pause
            Load load = Load.start(user);
            await().atMost(RECOVERY).until(() -> load.acknowledged.size() >= 2);
            // When the broker stops for a few seconds and starts again on the same log directories
            stack.stopKafka();
            int failedBefore = load.failures.get();
            await().atMost(RECOVERY).until(() -> load.failures.get() > failedBefore); // the outage is felt
            stack.startKafka();
            Instant restarted = Instant.now();
            int before = load.acknowledged.size();
            // Then the services recover by themselves: new conversations are acknowledged again, answers stream again
            await().atMost(RECOVERY).until(() -> load.acknowledged.size() >= before + Figures.messages());
            recovery = recovery.plus(Duration.between(restarted, Instant.now()));
            load.stop();
            sent += load.attempts.get();
            acknowledged.addAll(load.acknowledged);
        }
        String chat = user.createChat();
        try (SseClient stream = user.sendMessage(chat, "Is everything working again after the restart?")) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(Answers.done(Answers.rest(stream))).isTrue();
        }
        // and every acknowledged conversation is there, once
        Map<String, Integer> listed = listedConversations();
        int lost = (int) acknowledged.stream().filter(id -> !listed.containsKey(id)).count();
        int duplicated = (int) listed.values().stream().filter(n -> n > 1).count();
        new Figures("Kafka broker restarted", sent, acknowledged.size(), lost, duplicated, recovery).print();
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
    }

    @Test
    @Order(2)
    void shouldAnswer503FastWhileTheStoreIsDownAndRecoverWithoutRestart() {
        List<String> acknowledged = new ArrayList<>();
        for (int i = 0; i < Figures.messages(); i++) {
            acknowledged.add(user.createChat());
        }
        int refused = 0;
        Duration recovery = Duration.ZERO;
        for (int round = 0; round < Figures.rounds(); round++) {
            // When the store stops
            stack.stopStore();
            try {
                // Then requests fail fast with 503 and a clear message, not a hang or a 500
                Instant asked = Instant.now();
                ApiResponse down = user.get("/chats");
                assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(15));
                assertThat(down.status()).isEqualTo(503);
                assertThat(down.body()).isEqualTo(UNAVAILABLE);
                refused++;
            } finally {
                stack.startStore();
            }
            // and once it is back the same processes answer again, with everything acknowledged before
            Instant restarted = Instant.now();
            await().atMost(RECOVERY).until(() -> user.get("/chats").status() == 200);
            recovery = recovery.plus(Duration.between(restarted, Instant.now()));
        }
        Map<String, Integer> listed = listedConversations();
        int lost = (int) acknowledged.stream().filter(id -> !listed.containsKey(id)).count();
        new Figures("store restarted", acknowledged.size() + refused, acknowledged.size(), lost, 0, recovery).print();
        assertThat(lost).isZero();
    }

    @Test
    @Order(3)
    void shouldDeadLetterPoisonRecordsOnEveryConsumedTopicAndKeepEachPartitionFlowing() {
        // Given a conversation, and a record that is not an event on each topic, on that conversation's partition
        String chat = user.createChat();
        byte[] poison = ("not an event " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        // (the live reply topics have no dead letters: a record no instance waits for is skipped unparsed)
        List<String> topics = List.of("llm.requests", "llm.outcomes", "conversation.events");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                stack.kafkaBootstrapServers(), "acks", "all"), new StringSerializer(), new ByteArraySerializer())) {
            for (String topic : topics) {
                producer.send(new ProducerRecord<>(topic, chat, poison)).get(30, TimeUnit.SECONDS);
            }
            // When valid records follow on the same partitions: a message (llm.requests, llm.outcomes) ...
            List<SseEvent> events;
            try (SseClient stream = user.sendMessage(chat, "Does the partition still flow?")) {
                assertThat(stream.status()).isEqualTo(200);
                events = Answers.rest(stream);
            }
            assertThat(Answers.done(events)).isTrue();
            // ... and a voice turn published by another service (conversation.events, applied by chat's projection)
            MessageAdded voiceTurn = new MessageAdded(UUID.randomUUID().toString(), "user", "said by voice", "voice",
                    null, null);
            producer.send(new ProducerRecord<>("conversation.events", chat,
                    EventJson.toBytes(EventEnvelope.of(chat, userId, UUID.randomUUID().toString(), voiceTurn))))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        // Then the valid records are processed ...
        await().atMost(RECOVERY).untilAsserted(() -> assertThat(user.conversation(chat).path("messages"))
                .extracting(m -> m.path("message").asString()).contains("said by voice").hasSize(3));
        // ... and each consumer group dead-lettered the poison into <topic>.dlt
        Map<String, Set<String>> groups = new HashMap<>();
        await().atMost(RECOVERY).untilAsserted(() -> {
            for (String topic : topics) {
                groups.put(topic, deadLetterGroups(topic + ".dlt", poison));
            }
            assertThat(groups.get("llm.requests")).contains("llm-worker");
            assertThat(groups.get("llm.outcomes")).contains("chat-persister");
            assertThat(groups.get("conversation.events")).contains("chat-service-projector");
        });
        System.out.println("RELIABILITY poison dead-lettered by " + groups);
        new Figures("poison records", 2, 2, 0, 0, Duration.ZERO).print();
    }

    /** The consumer groups that dead-lettered {@code poison} into {@code dlt}. */
    private Set<String> deadLetterGroups(String dlt, byte[] poison) {
        Set<String> groups = new TreeSet<>();
        TopicRecords.forEach(stack.kafkaBootstrapServers(), List.of(dlt), new StringDeserializer(),
                new ByteArrayDeserializer(), record -> {
                    if (java.util.Arrays.equals(record.value(), poison)) {
                        Header group = record.headers().lastHeader("kafka_dlt-original-consumer-group");
                        groups.add(group == null ? "?" : new String(group.value(), StandardCharsets.UTF_8));
                    }
                });
        return groups;
    }

    /** Conversation id → how often it appears in the user's list. */
    private Map<String, Integer> listedConversations() {
        Map<String, Integer> listed = new HashMap<>();
        for (int page = 1; ; page++) {
            var data = user.get("/chats?per_page=100&page=" + page).json().path("data");
            data.path("conversations").forEach(c -> listed.merge(c.path("id").asString(), 1, Integer::sum));
            if (data.path("pagination").path("next").isNull() || data.path("pagination").path("next").isMissingNode()) {
                return listed;
            }
        }
    }

    /**
     * A client creating a conversation every 100 ms (below the gateway's per-user rate limit) until stopped; counts
     * attempts and failures and remembers the acknowledged (201) conversations.
     */
    private static final class Load {
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger failures = new AtomicInteger();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();

        private Load(ApiClient user) {
            timer.scheduleWithFixedDelay(() -> {
                attempts.incrementAndGet();
                ApiResponse created = user.post("/chats", null);
                if (created.status() == 201) {
                    acknowledged.add(created.json().path("data").path("id").asString());
                } else {
                    failures.incrementAndGet();
                    if (created.status() >= 0 && created.status() != 503) {
                        System.out.println("RELIABILITY load: unexpected " + created.status() + " " + created.body());
                    }
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
        }

        static Load start(ApiClient user) {
            return new Load(user);
        }

        void stop() throws InterruptedException {
            timer.shutdown();
            timer.awaitTermination(30, TimeUnit.SECONDS);
        }
    }
}
