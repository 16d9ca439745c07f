package com.cvchat.e2e.security;

import com.cvchat.e2e.E2eStack;
import com.cvchat.e2e.E2eUsers;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.kafka.TopicRecords;
import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.platform.test.voice.VoiceClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a full scenario (register, log in, set a Gemini key, chat, CV turn, voice turn), no secret is in plain text
 * in any service log, any record of any Kafka topic (key, value, headers) or any document of any Mongo collection:
 * the user's password, the Gemini API key, the internal service token, the JWT signing key's private parts and the
 * Gemini-key master key.
 */
class SecretsScanE2eIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void shouldKeepEverySecretOutOfLogsKafkaAndMongo() throws Exception {
        String geminiKey = "AIzaSy" + UUID.randomUUID().toString().replace("-", "") + "Q7";
        ApiClient.Account user = fullScenario(geminiKey);

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("the user's password", user.password());
        secrets.put("the Gemini API key", geminiKey);
        secrets.put("the internal service token", E2eStack.internalApiToken());
        secrets.putAll(signingKeyMaterial());
        Path masterKey = dataDir().resolve("auth").resolve("gemini-key-encryption.key");
        secrets.put("the Gemini-key master key", Files.readString(masterKey).trim());

        Map<String, Integer> scanned = new LinkedHashMap<>();
        List<String> found = new ArrayList<>();
        scanLogs(secrets, found, scanned);
        scanKafka(secrets, found, scanned);
        scanMongo(secrets, found, scanned);
        System.out.println("Secrets scan: " + secrets.size() + " secrets looked for in " + scanned + "; found "
                + found.size());
        assertThat(scanned.get("log files")).isGreaterThanOrEqualTo(6);
        assertThat(scanned.get("Kafka records")).isPositive();
        assertThat(scanned.get("Mongo documents")).isPositive();
        assertThat(found).as("secrets in plain text").isEmpty();
    }

    private static ApiClient.Account fullScenario(String geminiKey) {
        ApiClient.Account user = E2eUsers.newUser();
        E2eUsers.as(user).put("/auth/me/gemini-api-key", "{\"api_key\":\"" + geminiKey + "\"}").expect(200);
        E2eUsers.as(user).get("/auth/me/gemini-api-key").expect(200);
        UserData data = UserData.create(user, "scan");
        E2eUsers.as(user).post("/chat/message", "{\"session_id\":\"" + data.sessionId()
                + "\",\"message\":\"I worked at Acme as an engineer\"}").expect(200);
        byte[] pcm = SpeechSamples.pcm(SpeechSamples.SARAH);
        String url = E2eStack.api().replaceFirst("^http", "ws") + "/chats/ws/voice/" + data.chatId() + "?token="
                + user.accessToken();
        try (VoiceClient voice = VoiceClient.connect(url)) {
            voice.awaitMessage(m -> m.has("chat_session_id"), WAIT);
            voice.startTalking();
            voice.stream(SpeechSamples.chunks100ms(pcm), Duration.ofMillis(20));
            voice.sendType("stop_talking");
            JsonNode complete = voice.awaitMessage(m -> m.path("is_complete").asBoolean(), WAIT);
            assertThat(complete.path("text").asString()).isNotBlank();
        }
        return user;
    }

    private static Path dataDir() {
        return E2eStack.get().config().dataDir();
    }

    /** The private parts of every signing key auth-service holds (JWK members d, p, q, dp, dq, qi). */
    private static Map<String, String> signingKeyMaterial() throws Exception {
        Map<String, String> material = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dataDir().resolve("auth").resolve("keys"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode jwk = ApiClient.JSON.readTree(Files.readString(file));
                for (String part : List.of("d", "p", "q", "dp", "dq", "qi")) {
                    String value = jwk.path(part).asString("");
                    if (value.length() >= 32) {
                        material.put("signing key " + part + " (base64url)", value.substring(0, 32));
                        material.put("signing key " + part + " (base64)", Base64.getEncoder().encodeToString(
                                Base64.getUrlDecoder().decode(value)).substring(0, 32));
                    }
                }
            }
        }
        assertThat(material).as("signing keys found in the data folder").isNotEmpty();
        return material;
    }

    private static void scanLogs(Map<String, String> secrets, List<String> found, Map<String, Integer> scanned)
            throws Exception {
        int files = 0;
        try (Stream<Path> logs = Files.list(dataDir().resolve("logs"))) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                files++;
                check("log " + log.getFileName(), new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1),
                        secrets, found);
            }
        }
        scanned.put("log files", files);
    }

    private static void scanKafka(Map<String, String> secrets, List<String> found, Map<String, Integer> scanned)
            throws Exception {
        String bootstrap = E2eStack.get().kafkaBootstrapServers();
        Set<String> topics;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
        }
        int records = TopicRecords.forEach(bootstrap, topics, new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                record -> {
            StringBuilder text = new StringBuilder();
            text.append(record.key() == null ? "" : new String(record.key(), StandardCharsets.ISO_8859_1));
            text.append('\n').append(record.value() == null ? "" : new String(record.value(), StandardCharsets.ISO_8859_1));
            for (Header header : record.headers()) {
                text.append('\n').append(header.key()).append('=').append(header.value() == null ? ""
                        : new String(header.value(), StandardCharsets.ISO_8859_1));
            }
            check("Kafka " + record.topic() + "-" + record.partition() + "@" + record.offset(), text.toString(),
                    secrets, found);
        });
        scanned.put("Kafka topics", topics.size());
        scanned.put("Kafka records", records);
    }

    private static void scanMongo(Map<String, String> secrets, List<String> found, Map<String, Integer> scanned) {
        int documents = 0;
        int collections = 0;
        try (MongoClient client = MongoClients.create(E2eStack.get().mongoConnectionString())) {
            for (String name : client.listDatabaseNames()) {
                MongoDatabase database = client.getDatabase(name);
                for (String collection : database.listCollectionNames()) {
                    collections++;
                    for (Document document : database.getCollection(collection).find()) {
                        documents++;
                        check("Mongo " + name + "." + collection, document.toJson(), secrets, found);
                    }
                }
            }
        }
        scanned.put("Mongo collections", collections);
        scanned.put("Mongo documents", documents);
    }

    private static void check(String where, String text, Map<String, String> secrets, List<String> found) {
        secrets.forEach((what, secret) -> {
            if (text.contains(secret)) {
                found.add(what + " in " + where);
            }
        });
    }
}
