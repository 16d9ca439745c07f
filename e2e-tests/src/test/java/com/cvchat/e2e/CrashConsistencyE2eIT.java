package com.cvchat.e2e;

import com.cvchat.audit.AuditReplay;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given answers streaming in several conversations, when chat-service is killed with SIGKILL (no graceful stop) and
 * started again, then every acknowledged user message is there, every answer the model finished is stored once, and
 * the read model still equals what the log alone rebuilds.
 */
class CrashConsistencyE2eIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    @Test
    void shouldStayConsistentWithTheLogWhenChatServiceIsKilledMidStream() {
        E2eUsers.User user = E2eUsers.newUser();
        ApiClient api = new ApiClient(user);
        List<String> chats = new ArrayList<>();
        List<SseClient> streams = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String chat = api.post("/chats", null).json().path("data").path("id").asString();
            chats.add(chat);
            SseClient stream = SseClient.post(E2eStack.api() + "/chats/" + chat + "/message", user.bearer(),
                    ApiClient.JSON.writeValueAsString(ApiClient.body()
                            .put("message", "Tell me everything about planning a long journey, number " + i)), Map.of());
            assertThat(stream.status()).isEqualTo(200);
            streams.add(stream);
        }
        // every user message is acknowledged (the stream has started) ...
        for (SseClient stream : streams) {
            SseEvent start = stream.next(WAIT);
            assertThat(start.type()).isEqualTo("start");
        }

        // ... when chat-service dies mid-answer and comes back
        E2eStack.get().kill(ServiceSpec.CHAT);
        streams.forEach(SseClient::close);
        E2eStack.get().startServices(EnumSet.of(ServiceSpec.CHAT));

        // then each conversation has its user message and exactly one stored answer
        await().atMost(WAIT).untilAsserted(() -> {
            for (String chat : chats) {
                var messages = api.get("/chats/" + chat).json().path("data").path("messages");
                assertThat(messages).extracting(m -> m.path("sender").asString()).containsExactly("user", "ai");
                assertThat(messages.get(1).path("message").asString()).isNotBlank();
            }
        });
        // and the read models equal a rebuild from the log
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = AuditReplay.run(new String[]{"verify",
                "--bootstrap-servers", E2eStack.get().kafkaBootstrapServers(),
                "--mongo", E2eStack.get().mongoConnectionString(),
                "--home", E2eStack.get().config().home().toString()}, new PrintStream(output, true, StandardCharsets.UTF_8));
        assertThat(output.toString(StandardCharsets.UTF_8)).endsWith("verify: no differences" + System.lineSeparator());
        assertThat(exit).isZero();
    }
}
