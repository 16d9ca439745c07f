package com.cvchat.localstack;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Given the local stack's broker and store, when each is stopped and started again on the same port and data, then
 * what was written before is still there and clients use it again (what the reliability tests rely on).
 */
class InfrastructureRestartIT {

    @TempDir
    Path data;

    @Test
    void shouldKeepRecordsAndDocumentsAcrossABrokerAndStoreRestart() throws Exception {
        try (LocalStack stack = LocalStack.create(StackConfig.forTests(data, data, Map.of()))) {
            stack.startInfrastructure();
            String bootstrap = stack.kafkaBootstrapServers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                admin.createTopics(Set.of(new NewTopic("restart.check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>("restart.check", "k", "before")).get(30, TimeUnit.SECONDS);
            }
            try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
                mongo.getDatabase("restart").getCollection("docs").insertOne(new Document("_id", "kept"));
            }

            stack.stopKafka();
            stack.stopStore();
            assertThatThrownBy(stack::stopKafka).hasMessage("Kafka is not running");
            stack.startKafka();
            stack.startStore();
            assertThatThrownBy(stack::startStore).hasMessage("The store is already running");

            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>("restart.check", "k", "after")).get(60, TimeUnit.SECONDS);
            }
            assertThat(readAll(bootstrap)).containsExactly("before", "after");
            try (MongoClient mongo = MongoClients.create(stack.mongoConnectionString())) {
                MongoCollection<Document> docs = mongo.getDatabase("restart").getCollection("docs");
                assertThat(docs.find().into(new ArrayList<>())).extracting(d -> d.getString("_id")).containsExactly("kept");
            }
        }
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(Map.of("bootstrap.servers", bootstrap, "acks", "all"),
                new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String bootstrap) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "auto.offset.reset", "earliest"), new StringDeserializer(), new StringDeserializer())) {
            var partition = new org.apache.kafka.common.TopicPartition("restart.check", 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
