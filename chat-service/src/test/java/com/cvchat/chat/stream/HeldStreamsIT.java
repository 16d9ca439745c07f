package com.cvchat.chat.stream;

import com.cvchat.platform.replies.ReplyChannel;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.llm.ScriptedModel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many answers held open at once on one instance, over real sockets (the JDK's non-blocking HTTP client, one
 * connection per stream), with a short heartbeat. The model is platform-test's {@link ScriptedModel} on the real
 * broker, its answers held behind a gate the test opens: every stream gets its
 * {@code start}, heartbeat comments while the model is silent, then — once every stream has had a heartbeat — its own
 * whole answer in order and {@code done}. Also clients that hang up: their streams are let go. (The idle timeout:
 * {@link ChatStreamingIT}.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chat.stream.heartbeat=200ms", "chat.stream.title-wait=100ms"})
@EmbeddedKafka(partitions = 3)
class HeldStreamsIT {

    private static final int STREAMS = 200;
    private static final Duration WAIT = Duration.ofSeconds(90);

    static ScriptedModel model;

    @LocalServerPort
    int port;

    @Autowired
    ReplyChannel replies;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chat");
    }

    @BeforeEach
    void startModel() {
        if (model == null) {
            model = ScriptedModel.start(System.getProperty("spring.embedded.kafka.brokers"));
        }
    }

    @AfterAll
    static void stopModel() {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void shouldHoldManyStreamsEachGettingHeartbeatsThenItsWholeAnswerInOrder() throws Exception {
        List<RawSseStream> streams = open(STREAMS, i -> "Question " + i + " [words=3] [gate=held] [id=" + i + "]");
        await().atMost(WAIT).until(() -> streams.stream().allMatch(s -> s.lines().contains(": keep-alive")));

        model.openGate("held");
        await().atMost(WAIT).until(() -> streams.stream().allMatch(RawSseStream::ended));

        assertThat(streams).allSatisfy(stream -> {
            assertThat(stream.status()).isEqualTo(200);
            List<JsonNode> events = stream.events();
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("start", "chunk", "chunk", "chunk", "done");
            assertThat(stream.lines().indexOf(": keep-alive")).as("a heartbeat before the first chunk")
                    .isPositive().isLessThan(stream.indexOfFirst("\"chunk\""));
            String messageId = events.getFirst().path("message_id").asString();
            // its own answer ("Answer-<i> word1 word2"), each chunk's id where it ends in the answer
            String answer = ScriptedModel.answerFor(stream.prompt);
            int first = answer.indexOf(' ');
            assertThat(stream.chunkText()).isEqualTo(answer);
            assertThat(stream.ids()).containsExactly(messageId + ":0", messageId + ":" + first,
                    messageId + ":" + (first + 6), messageId + ":" + (first + 12), messageId + ":end");
        });
        await().atMost(WAIT).until(() -> replies.waiting() == 0);
    }

    @Test
    void shouldLetGoOfTheStreamsOfClientsThatHangUp() throws Exception {
        List<RawSseStream> streams = open(10, i -> "Slow one " + i + " [gate=never]");
        await().atMost(WAIT).until(() -> streams.stream().allMatch(s -> s.lines().contains(": keep-alive")));
        assertThat(replies.waiting()).isGreaterThanOrEqualTo(10);

        streams.forEach(RawSseStream::hangUp);

        await().atMost(WAIT).until(() -> replies.waiting() == 0);
    }

    /** Opens {@code count} streams, each a new user's first message, and waits until each has its start. */
    private List<RawSseStream> open(int count, java.util.function.IntFunction<String> prompt) throws Exception {
        List<RawSseStream> streams = new ArrayList<>();
        try (var creators = Executors.newFixedThreadPool(16)) {
            List<Future<RawSseStream>> opening = IntStream.range(0, count)
                    .mapToObj(i -> creators.submit(() -> RawSseStream.send(
                            ApiClient.localUser(port, UUID.randomUUID().toString()), prompt.apply(i))))
                    .toList();
            for (Future<RawSseStream> future : opening) {
                streams.add(future.get());
            }
        }
        await().atMost(WAIT).until(() -> streams.stream().allMatch(s -> s.indexOfFirst("\"start\"") >= 0 || s.ended()));
        return streams;
    }
}
