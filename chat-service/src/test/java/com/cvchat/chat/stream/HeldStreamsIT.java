package com.cvchat.chat.stream;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.llm.ModelReplies;
import com.cvchat.platform.replies.ReplyChannel;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many answers held open at once on one instance, over real sockets (the JDK's non-blocking HTTP client, one
 * connection per stream), with a short heartbeat. The model is played by the test on the real broker (it reads
 * {@code llm.requests} and answers on {@code llm.responses} when the test says so): every stream gets its
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

    static ManualModel model;

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
            model = new ManualModel(System.getProperty("spring.embedded.kafka.brokers"));
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
        List<RawSseStream> streams = open(STREAMS, i -> "Question " + i);
        await().atMost(WAIT).until(() -> streams.stream().allMatch(s -> s.lines().contains(": keep-alive")));

        streams.forEach(stream -> model.answer(stream.prompt, List.of("Answer to ", stream.prompt, "!")));
        await().atMost(WAIT).until(() -> streams.stream().allMatch(RawSseStream::ended));

        assertThat(streams).allSatisfy(stream -> {
            assertThat(stream.status()).isEqualTo(200);
            List<JsonNode> events = stream.events();
            assertThat(events).extracting(e -> e.path("type").asString())
                    .containsExactly("start", "chunk", "chunk", "chunk", "done");
            assertThat(stream.lines().indexOf(": keep-alive")).as("a heartbeat before the first chunk")
                    .isPositive().isLessThan(stream.indexOfFirst("\"chunk\""));
            String messageId = events.getFirst().path("message_id").asString();
            int question = stream.prompt.length(); // each chunk's id: where it ends in the answer
            assertThat(stream.ids()).containsExactly(messageId + ":0", messageId + ":10",
                    messageId + ":" + (10 + question), messageId + ":" + (11 + question), messageId + ":end");
            assertThat(stream.chunkText()).isEqualTo("Answer to " + stream.prompt + "!");
        });
        await().atMost(WAIT).until(() -> replies.waiting() == 0);
    }

    @Test
    void shouldLetGoOfTheStreamsOfClientsThatHangUp() throws Exception {
        List<RawSseStream> streams = open(10, i -> "Slow one " + i);
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

    /** The model, played by the test: remembers each chat request and answers it only when told to. */
    private static final class ManualModel implements AutoCloseable {
        private final KafkaConsumer<String, EventEnvelope<EventPayload>> consumer;
        private final ModelReplies replies;
        private final Map<String, EventEnvelope<EventPayload>> requestsByPrompt = new ConcurrentHashMap<>();
        private final Thread loop;
        private volatile boolean closed;

        ManualModel(String brokers) {
            consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                    new StringDeserializer(), new EventDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.LLM_REQUESTS.name()).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // from here on, no request is missed
            replies = new ModelReplies(brokers);
            loop = Thread.ofPlatform().daemon().name("manual-model").start(this::run);
        }

        private void run() {
            try {
                while (!closed) {
                    consumer.poll(Duration.ofMillis(100)).forEach(record -> {
                        if (record.value().payload() instanceof LlmRequest request && request.task() == LlmTask.CHAT_REPLY) {
                            requestsByPrompt.put(request.prompt(), record.value());
                        }
                    });
                }
            } catch (WakeupException e) {
                // closing
            } finally {
                consumer.close();
            }
        }

        /** Answers the request whose prompt is {@code prompt} with these chunks, then completes it. */
        void answer(String prompt, List<String> chunks) {
            await().atMost(WAIT).until(() -> requestsByPrompt.containsKey(prompt));
            EventEnvelope<EventPayload> request = requestsByPrompt.get(prompt);
            LlmRequest llm = (LlmRequest) request.payload();
            long offset = 0;
            for (int i = 0; i < chunks.size(); i++) {
                replies.send(request, new LlmChunk(llm.requestId(), llm.origin(), i, chunks.get(i), offset));
                offset += chunks.get(i).length();
            }
            replies.send(request, new LlmCompleted(llm.requestId(), llm.origin(), String.join("", chunks),
                    chunks.size(), TokenUsage.NONE, null, "manual"));
        }

        @Override
        public void close() {
            closed = true;
            consumer.wakeup();
            try {
                loop.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            replies.close();
        }
    }
}
