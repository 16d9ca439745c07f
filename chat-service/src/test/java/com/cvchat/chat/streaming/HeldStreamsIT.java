package com.cvchat.chat.streaming;

import com.cvchat.chat.support.ChatApi;
import com.cvchat.platform.test.TestInfrastructure;
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
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many answers held open at once on one instance, over real sockets (the JDK's non-blocking HTTP client, one
 * connection per stream), with a short heartbeat and a model that paces its chunks seconds apart: every stream gets
 * its {@code start}, heartbeat comments while it waits, then its own whole answer in order and {@code done}. Also the
 * idle timeout (heartbeats do not keep a silent answer alive) and a client that hangs up (its stream is let go).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chat.stream.heartbeat=200ms", "chat.stream.start-wait=100ms", "chat.stream.idle-timeout=8s"})
@EmbeddedKafka(partitions = 3)
class HeldStreamsIT {

    private static final int STREAMS = 300;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    static ScriptedModel model;

    @LocalServerPort
    int port;

    @Autowired
    LiveStreams live;

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
        List<HeldStream> streams = open(STREAMS, i -> "Question " + i + " [words=3] [pace=2500ms]");

        await().atMost(WAIT).until(() -> streams.stream().allMatch(HeldStream::ended));

        assertThat(streams).allSatisfy(stream -> {
            assertThat(stream.status()).isEqualTo(200);
            List<String> lines = stream.lines();
            List<JsonNode> events = stream.events();
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("start", "chunk", "chunk", "chunk", "done");
            assertThat(lines.indexOf(": keep-alive")).as("a heartbeat before the first chunk")
                    .isPositive().isLessThan(stream.indexOfFirst("\"chunk\""));
            String messageId = events.getFirst().path("message_id").asString();
            assertThat(stream.ids()).containsExactly(messageId + ":0", messageId + ":1", messageId + ":2",
                    messageId + ":3", messageId + ":end");
            assertThat(stream.chunkText()).isEqualTo(ScriptedModel.answerFor(stream.prompt));
        });
        await().atMost(WAIT).until(() -> live.size() == 0);
    }

    @Test
    void shouldEndASilentAnswerWithAnErrorEventAfterTheIdleTimeoutDespiteHeartbeats() throws Exception {
        HeldStream stream = open(1, i -> "Nothing comes [pace=600000ms]").getFirst();

        await().atMost(WAIT).until(stream::ended);

        assertThat(stream.events()).extracting(e -> e.path("type").asString()).containsExactly("start", "error");
        assertThat(stream.events().getLast().path("message").asString())
                .isEqualTo("The AI did not answer in time. Please try again.");
        assertThat(stream.ids().getLast()).endsWith(":end");
        assertThat(stream.lines().stream().filter(": keep-alive"::equals).count()).isGreaterThan(1);
    }

    @Test
    void shouldLetGoOfTheStreamsOfClientsThatHangUp() throws Exception {
        List<HeldStream> streams = open(20, i -> "Slow one " + i + " [pace=600000ms]");
        await().atMost(WAIT).until(() -> streams.stream().allMatch(s -> s.lines().contains(": keep-alive")));
        assertThat(live.size()).isGreaterThanOrEqualTo(20);

        streams.forEach(HeldStream::hangUp);

        await().atMost(WAIT).until(() -> live.size() == 0);
    }

    /** Opens {@code count} streams, each a new user's first message, and waits until each has its start. */
    private List<HeldStream> open(int count, java.util.function.IntFunction<String> prompt) throws Exception {
        List<HeldStream> streams = new ArrayList<>();
        try (var creators = Executors.newFixedThreadPool(16)) {
            List<Future<HeldStream>> opening = IntStream.range(0, count)
                    .mapToObj(i -> creators.submit(() -> HeldStream.send(ChatApi.newUser(port), prompt.apply(i))))
                    .toList();
            for (Future<HeldStream> future : opening) {
                streams.add(future.get());
            }
        }
        await().atMost(WAIT).until(() -> streams.stream().allMatch(s -> s.indexOfFirst("\"start\"") >= 0 || s.ended()));
        return streams;
    }

    /** One SSE stream read line by line as the lines arrive (comments included). */
    private static final class HeldStream implements Flow.Subscriber<String> {
        private final String prompt;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private volatile CompletableFuture<HttpResponse<Void>> response;
        private volatile Flow.Subscription subscription;
        private volatile boolean ended;

        private HeldStream(String prompt) {
            this.prompt = prompt;
        }

        static HeldStream send(ChatApi user, String prompt) {
            String chat = user.createChat();
            HeldStream stream = new HeldStream(prompt);
            HttpRequest request = HttpRequest.newBuilder(URI.create(user.base() + "/" + chat + "/message"))
                    .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                    .header("Authorization", user.bearer())
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("message", prompt).toString()))
                    .build();
            stream.response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream));
            stream.response.whenComplete((r, e) -> stream.ended |= e != null);
            return stream;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            lines.add(line);
        }

        @Override
        public void onError(Throwable throwable) {
            ended = true;
        }

        @Override
        public void onComplete() {
            ended = true;
        }

        boolean ended() {
            return ended;
        }

        int status() {
            return response.join().statusCode();
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        int indexOfFirst(String text) {
            List<String> all = lines();
            return IntStream.range(0, all.size()).filter(i -> all.get(i).startsWith("data:")
                    && all.get(i).contains(text)).findFirst().orElse(-1);
        }

        List<JsonNode> events() {
            return lines().stream().filter(l -> l.startsWith("data: ")).map(l -> JSON.readTree(l.substring(6))).toList();
        }

        List<String> ids() {
            return lines().stream().filter(l -> l.startsWith("id: ")).map(l -> l.substring(4)).toList();
        }

        String chunkText() {
            return String.join("", events().stream().filter(e -> e.path("type").asString().equals("chunk"))
                    .map(e -> e.path("content").asString()).toList());
        }

        void hangUp() {
            subscription.cancel();
            response.cancel(true);
        }
    }
}
