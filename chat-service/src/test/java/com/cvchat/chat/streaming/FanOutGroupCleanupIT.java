package com.cvchat.chat.streaming;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EmbeddedKafka(partitions = 1, topics = "llm.responses")
class FanOutGroupCleanupIT {

    @Test
    void shouldRemoveThisInstancesBroadcastGroupFromTheBrokerOnStop(EmbeddedKafkaBroker broker) throws Exception {
        ChatInstance instance = new ChatInstance("cleanup-test");
        ChatInstance other = new ChatInstance("still-running");
        Map<String, Object> admin = Map.of("bootstrap.servers", broker.getBrokersAsString());
        consumeOnceAndCommit(broker, instance.fanOutGroup());
        consumeOnceAndCommit(broker, other.fanOutGroup());
        assertThat(groups(admin)).contains(instance.fanOutGroup(), other.fanOutGroup());

        FanOutGroupCleanup cleanup = new FanOutGroupCleanup(new KafkaAdmin(admin), instance);
        cleanup.start();
        cleanup.stop();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(groups(admin)).doesNotContain(instance.fanOutGroup()).contains(other.fanOutGroup()));
    }

    private static void consumeOnceAndCommit(EmbeddedKafkaBroker broker, String group) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, group), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("llm.responses"));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return !consumer.assignment().isEmpty();
            });
            consumer.commitSync();
        }
    }

    private static Set<String> groups(Map<String, Object> config) throws Exception {
        try (Admin admin = Admin.create(config)) {
            return admin.listGroups().all().get().stream().map(GroupListing::groupId).collect(Collectors.toSet());
        }
    }
}
