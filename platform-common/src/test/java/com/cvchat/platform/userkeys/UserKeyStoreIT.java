package com.cvchat.platform.userkeys;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.conversation.ErasedEvent;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.json.EventJson;
import com.cvchat.events.sealing.DataKey;
import com.cvchat.platform.kafka.LogToEnd;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Users' data keys on a real KRaft broker: one key per user across instances, destroyed on erasure, kept on restart. */
class UserKeyStoreIT {

    private static EmbeddedKafkaKraftBroker broker;
    private static MasterKey master;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        master = MasterKey.decode(Base64.getEncoder().encodeToString(bytes), "test");
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @Test
    void shouldGiveEveryInstanceTheSameKeyWhenTheyRaceToCreateIt() throws Exception {
        String user = UUID.randomUUID().toString();
        try (UserKeyStore first = store(List.of()); UserKeyStore second = store(List.of());
             ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<DataKey>> keys = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                UserKeyStore instance = i % 2 == 0 ? first : second;
                keys.add(pool.submit(() -> instance.keyForSealing(user)));
            }
            Set<String> ids = ConcurrentHashMap.newKeySet();
            for (Future<DataKey> key : keys) {
                ids.add(key.get().id());
            }
            assertThat(ids).hasSize(1);
        }
    }

    @Test
    void shouldDestroyTheKeysOfAnErasedUserOnEveryInstanceAndKeepOthers() {
        String erased = UUID.randomUUID().toString();
        String kept = UUID.randomUUID().toString();
        Set<String> notified = ConcurrentHashMap.newKeySet();
        try (UserKeyStore auth = store(List.of()); UserKeyStore chat = store(List.of(notified::add))) {
            chat.start();
            byte[] erasedEvent = EventJson.toBytes(message(erased, "My secret diagnosis"), chat);
            byte[] keptEvent = EventJson.toBytes(message(kept, "Nothing to hide"), chat);
            assertThat(EventJson.fromBytes(erasedEvent, auth).payload()).isInstanceOf(MessageAdded.class);

            auth.erase(erased);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(notified).contains(erased).doesNotContain(kept);
                assertThat(EventJson.fromBytes(erasedEvent, chat).payload()).isEqualTo(ErasedEvent.INSTANCE);
            });
            assertThat(((MessageAdded) EventJson.fromBytes(keptEvent, chat).payload()).text()).isEqualTo("Nothing to hide");
            assertThatThrownBy(() -> chat.keyForSealing(erased)).isInstanceOf(UserErasedException.class);
            assertThatThrownBy(() -> auth.keyForSealing(erased)).isInstanceOf(UserErasedException.class);

            // a restarted instance reads the same state back from the topic alone
            try (UserKeyStore restarted = store(List.of())) {
                assertThat(EventJson.fromBytes(erasedEvent, restarted).payload()).isEqualTo(ErasedEvent.INSTANCE);
                assertThat(((MessageAdded) EventJson.fromBytes(keptEvent, restarted).payload()).text())
                        .isEqualTo("Nothing to hide");
            }
            assertThat(latestValuesOf(erased)).allSatisfy((key, value) ->
                    assertThat(value == null || RecordKey.parse(key) instanceof RecordKey.Erasure)
                            .as("no live key record for " + key).isTrue());
        }
    }

    @Test
    void shouldAnswerUnknownKeysAndNewUsersWithoutCreatingAConsumer() {
        try (UserKeyStore store = store(List.of())) {
            // Given a store that has read the topic
            store.keyForSealing(UUID.randomUUID().toString());
            int before = consumerSequence();

            // When keys unknown to it are looked up and new users get their first key
            for (int i = 0; i < 3; i++) {
                long started = System.nanoTime();
                assertThat(store.find(UUID.randomUUID().toString(), UUID.randomUUID().toString())).isEmpty();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
                String user = UUID.randomUUID().toString();
                DataKey key = store.keyForSealing(user);
                assertThat(store.find(user, key.id())).contains(key);
            }

            // Then no consumer was created for them (the next one made in this JVM follows the probe before them)
            assertThat(consumerSequence()).isEqualTo(before + 1);
        }
    }

    /** The number in the client id Kafka gives the next consumer made in this JVM (a probe consumer's own). */
    private static int consumerSequence() {
        try (KafkaConsumer<String, byte[]> probe = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            String clientId = probe.metrics().keySet().iterator().next().tags().get("client-id");
            return Integer.parseInt(clientId.substring(clientId.lastIndexOf('-') + 1));
        }
    }

    private static EventEnvelope<EventPayload> message(String user, String text) {
        return EventJson.fromJson(EventJson.toJson(EventEnvelope.of(UUID.randomUUID().toString(), user, null,
                new MessageAdded(UUID.randomUUID().toString(), "user", text, "text", null, null))));
    }

    /** The last value of each record key of {@code user} on user.keys, as a stock consumer sees it. */
    private static Map<String, byte[]> latestValuesOf(String user) {
        Map<String, byte[]> latest = new java.util.HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            LogToEnd.read(consumer, LogToEnd.partitionsOf(consumer, List.of(UserKeysTopic.NAME)), Map.of(),
                    Duration.ofSeconds(30), record -> {
                        if (record.key().startsWith(user)) {
                            latest.put(record.key(), record.value());
                        }
                    });
        }
        assertThat(latest).isNotEmpty();
        return latest;
    }

    private static UserKeyStore store(List<UserErasedListener> listeners) {
        return new UserKeyStore(broker.getBrokersAsString(), master, (short) 1, listeners);
    }
}
