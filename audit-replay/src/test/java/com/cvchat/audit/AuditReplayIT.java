package com.cvchat.audit;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.ConversationCreated;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.conversation.TitleSet;
import com.cvchat.events.json.EventJson;
import com.cvchat.events.json.EventSerializer;
import com.cvchat.localstack.MongoStore;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The replay command against a real KRaft broker and the embedded store. */
class AuditReplayIT {

    private static EmbeddedKafkaKraftBroker broker;
    private static MongoStore mongo;

    @BeforeAll
    static void start() throws Exception {
        broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.afterPropertiesSet();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(Topics.CONVERSATION_EVENTS.name(), 6, (short) 1))).all().get();
        }
        mongo = MongoStore.inMemory();
    }

    @AfterAll
    static void stop() {
        broker.destroy();
        mongo.close();
    }

    @Test
    void shouldExportOneConversationsHistoryInOrderAsJsonLines() {
        // Given two conversations whose events interleave on the log
        String mine = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        List<EventEnvelope<?>> myEvents = List.of(
                EventEnvelope.of(mine, "u1", null, new ConversationCreated(null, "text")),
                EventEnvelope.of(mine, "u1", null, new MessageAdded("m1", "user", "Hello", "text", "r1", null)),
                EventEnvelope.of(mine, "u1", null, new MessageAdded("m2", "ai", "Hi there", "text", "r1", null)),
                EventEnvelope.of(mine, "u1", null, new TitleSet("Greetings", true)));
        try (KafkaProducer<String, EventEnvelope<?>> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                new StringSerializer(), new EventSerializer())) {
            for (EventEnvelope<?> event : myEvents) {
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS.name(), event.key(), event));
                EventEnvelope<?> noise = EventEnvelope.of(other, "u2", null, new TitleSet("Other", false));
                producer.send(new ProducerRecord<>(Topics.CONVERSATION_EVENTS.name(), noise.key(), noise));
            }
            producer.flush();
        }

        // When exporting mine
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exit = AuditReplay.run(new String[]{"export", "--conversation", mine,
                "--bootstrap-servers", broker.getBrokersAsString()}, new PrintStream(buffer, true, StandardCharsets.UTF_8));

        // Then exactly my events come out, in order, one JSON object per line
        assertThat(exit).isZero();
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(myEvents.size());
        assertThat(lines.stream().map(EventJson::fromJson).toList()).containsExactlyElementsOf(
                myEvents.stream().map(e -> EventJson.fromJson(EventJson.toJson(e))).toList());
    }

    @Test
    void shouldReportEveryDifferenceBetweenLiveAndRebuiltDatabases() {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            var live = client.getDatabase("live_" + UUID.randomUUID().toString().substring(0, 8));
            var rebuilt = client.getDatabase("rebuilt_" + UUID.randomUUID().toString().substring(0, 8));
            live.getCollection("conversations").insertMany(List.of(
                    new Document("_id", "c1").append("title", "Same"),
                    new Document("_id", "c2").append("title", "Live title"),
                    new Document("_id", "c3").append("title", "Only live")));
            rebuilt.getCollection("conversations").insertMany(List.of(
                    new Document("_id", "c1").append("title", "Same"),
                    new Document("_id", "c2").append("title", "Replayed title"),
                    new Document("_id", "c4").append("title", "Only replay")));

            List<String> differences = ReadModels.compare("chat", live, rebuilt, List.of("conversations"));

            assertThat(differences).hasSize(3);
            assertThat(differences.get(0)).startsWith("chat.conversations c2: differs").contains("Live title", "Replayed title");
            assertThat(differences.get(1)).isEqualTo("chat.conversations c3: in the live database, missing after replay");
            assertThat(differences.get(2)).isEqualTo("chat.conversations c4: produced by replay, not in the live database");
            assertThat(ReadModels.compare("chat", live, live, List.of("conversations"))).isEmpty();
        }
    }

    @Test
    void shouldExplainBadUsage() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> AuditReplay.run(new String[]{}, out)).hasMessage("a mode is required");
        assertThatThrownBy(() -> AuditReplay.run(new String[]{"frobnicate"}, out)).hasMessage("unknown mode 'frobnicate'");
        assertThatThrownBy(() -> AuditReplay.run(new String[]{"export"}, out)).hasMessage("export needs --conversation <id>");
        assertThatThrownBy(() -> AuditReplay.run(new String[]{"export", "--conversation"}, out))
                .hasMessage("unexpected argument '--conversation'");
    }
}
