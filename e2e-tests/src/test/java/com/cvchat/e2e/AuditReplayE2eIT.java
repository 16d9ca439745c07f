package com.cvchat.e2e;

import com.cvchat.audit.AuditReplay;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import com.cvchat.platform.test.voice.SpeechSamples;
import com.cvchat.platform.test.voice.VoiceClient;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given a scripted run over all three APIs (a chat with several messages, a rename, a deleted chat, a CV session
 * finalized into two versions, a voice turn) and another user who chats, starts a CV and then erases their account,
 * when the read models are rebuilt from {@code conversation.events} alone, then {@code verify} finds zero differences
 * with the live databases, the deleted conversation stays deleted, the erased user's data does not come back and their
 * exported history shows only erased events.
 */
class AuditReplayE2eIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void shouldRebuildEveryReadModelFromTheLogWithZeroDifferences() {
        ApiClient.Account user = E2eUsers.newUser();
        ApiClient api = E2eUsers.as(user);

        // Chat: several messages, then a rename
        String chat = api.createChat();
        answer(user, chat, "What should I pack for a weekend hike?");
        answer(user, chat, "And what about food for two days?");
        assertThat(api.patch("/chats/" + chat + "/title", "{\"title\": \"Hiking plans\"}").status()).isEqualTo(200);
        // A chat that is deleted
        String deleted = api.createChat();
        answer(user, deleted, "Something I will regret asking");
        assertThat(api.delete("/chats/" + deleted).status()).isEqualTo(200);

        // CV: a session finalized twice (two versions of one document)
        JsonNode started = api.startSession("Hi! I am Sarah Johnson, a Senior Data Scientist", "cv").json();
        String session = started.path("session_id").asString();
        assertThat(api.sessionMessage(session, "My email is sarah@datatech.com, phone is +1-555-9999, I'm in Boston, MA")
                .status()).isEqualTo(200);
        JsonNode first = api.finalizeSession(session, "{\"title\": \"Sarah Johnson CV\"}").json();
        JsonNode second = api.finalizeSession(session, "{\"title\": \"Sarah Johnson CV\"}").json();
        assertThat(second.path("document").path("id").asString()).isEqualTo(first.path("document").path("id").asString());
        assertThat(second.path("document").path("current_version").asInt()).isEqualTo(2);

        // Voice: one spoken turn in a new conversation
        String voiceChat;
        try (VoiceClient voice = VoiceClient.connect(E2eStack.api().replaceFirst("^http", "ws")
                + "/chats/ws/voice/new-voice-chat?token=" + user.accessToken())) {
            voiceChat = voice.awaitMessage(m -> m.has("chat_session_id"), WAIT).path("chat_session_id").asString();
            voice.startTalking();
            voice.awaitMessage(VoiceClient.is("status", "message", "Listening... Speak now"), WAIT);
            voice.stream(SpeechSamples.chunks100ms(SpeechSamples.pcm("Hello, what is the weather like today?")),
                    Duration.ofMillis(20));
            voice.sendType("stop_talking");
            voice.awaitMessage(m -> m.path("is_complete").asBoolean(), WAIT);
        }
        // every asynchronous part has landed: both messages of each voice and chat exchange, the generated titles
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(api.get("/chats/" + voiceChat).json().path("data").path("messages")).hasSize(2);
            assertThat(api.get("/chats/" + chat).json().path("data").path("messages")).hasSize(4);
            assertThat(api.get("/chats/" + voiceChat).json().path("data").path("conversation").path("title")
                    .isString()).isTrue();
        });
        assertThat(api.get("/chats/" + deleted).status()).isEqualTo(404);

        // Another user chats and starts a CV, then erases their account (password re-entered)
        ApiClient.Account leaving = E2eUsers.newUser();
        ApiClient leavingApi = E2eUsers.as(leaving);
        String leavingChat = leavingApi.createChat();
        answer(leaving, leavingChat, "Please remember my secret word Xylophonist");
        String leavingSession = leavingApi.startSession("Hi! I am Zoltan Quibble, a Lighthouse Keeper", "cv").json()
                .path("session_id").asString();
        await().atMost(WAIT).until(() -> leavingApi.get("/chats/" + leavingChat).json().path("data")
                .path("conversation").path("title").isString());
        ApiResponse erased = leavingApi.post("/auth/me/erase", ApiClient.body().put("password", leaving.password()));
        assertThat(erased.status()).isEqualTo(200);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(leavingApi.get("/chats/" + leavingChat).status()).isEqualTo(404);
            assertThat(leavingApi.get("/chat/session/" + leavingSession).status()).isEqualTo(404);
        });

        // When verify rebuilds chat-service's and cv-builder-service's databases from the log and compares
        String[] connection = {"--bootstrap-servers", E2eStack.get().kafkaBootstrapServers(),
                "--mongo", E2eStack.get().mongoConnectionString(), "--home", E2eStack.get().config().home().toString(),
                "--master-key-file", E2eStack.get().userKeysMasterKeyFile().toString()};
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = AuditReplay.run(concat("verify", connection), new PrintStream(output, true, StandardCharsets.UTF_8));

        // Then there is no difference at all
        assertThat(output.toString(StandardCharsets.UTF_8)).endsWith("verify: no differences" + System.lineSeparator());
        assertThat(exit).isZero();

        // And the erased user's history is still in order on the log, but with no content left
        List<String> exported = export(leavingChat, connection);
        assertThat(exported).hasSizeGreaterThanOrEqualTo(4).allSatisfy(line -> assertThat(line)
                .contains("\"payload\":{\"erased\":true}").doesNotContain("Xylophonist"));
        assertThat(String.join("\n", export(chat, connection))).contains("weekend hike").doesNotContain("\"erased\"");

        // And a rebuild into fresh databases keeps the deleted conversation deleted and the rest readable
        assertThat(AuditReplay.run(concat("rebuild", connection, "--suffix", "_audit_e2e"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isZero();
        try (MongoClient mongo = MongoClients.create(E2eStack.get().mongoConnectionString())) {
            Map<String, Document> live = conversations(mongo, "chat", List.of(chat, deleted, voiceChat));
            Map<String, Document> rebuilt = conversations(mongo, "chat_audit_e2e", List.of(chat, deleted, voiceChat));
            assertThat(rebuilt).isEqualTo(live);
            assertThat(rebuilt.get(deleted).getBoolean("deleted")).isTrue();
            assertThat(rebuilt.get(chat).getString("title")).isEqualTo("Hiking plans");
            assertThat(conversations(mongo, "chat_audit_e2e", List.of(leavingChat))).isEmpty();
            assertThat(mongo.getDatabase("cv_audit_e2e").getCollection("cv_sessions")
                    .find(new Document("_id", leavingSession)).first()).isNull();
            assertThat(mongo.getDatabase("cv_audit_e2e").getCollection("documents")
                    .find(new Document("_id", first.path("document").path("id").asString())).first())
                    .isEqualTo(mongo.getDatabase("cv").getCollection("documents")
                            .find(new Document("_id", first.path("document").path("id").asString())).first());
        }
    }

    private static void answer(ApiClient.Account user, String chat, String message) {
        try (SseClient stream = E2eUsers.as(user).sendMessage(chat, message)) {
            assertThat(stream.status()).isEqualTo(200);
            List<SseEvent> events = stream.rest(WAIT);
            assertThat(events).extracting(SseEvent::type).contains("done");
        }
    }

    private static List<String> export(String conversation, String[] connection) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        assertThat(AuditReplay.run(concat("export", connection, "--conversation", conversation),
                new PrintStream(output, true, StandardCharsets.UTF_8))).isZero();
        return output.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private static Map<String, Document> conversations(MongoClient mongo, String database, List<String> ids) {
        Map<String, Document> found = new java.util.TreeMap<>();
        mongo.getDatabase(database).getCollection("conversations").find(new Document("_id", new Document("$in", ids)))
                .forEach(d -> found.put(d.getString("_id"), d));
        return found;
    }

    private static String[] concat(String mode, String[] connection, String... more) {
        String[] all = new String[1 + connection.length + more.length];
        all[0] = mode;
        System.arraycopy(connection, 0, all, 1, connection.length);
        System.arraycopy(more, 0, all, 1 + connection.length, more.length);
        return all;
    }
}
