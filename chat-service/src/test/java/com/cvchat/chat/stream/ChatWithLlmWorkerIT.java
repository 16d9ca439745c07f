package com.cvchat.chat.stream;

import com.cvchat.chat.ChatServiceApplication;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.Topics;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.localstack.LocalStack;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.localstack.StackConfig;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.kafka.TopicRecords;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static com.cvchat.chat.support.Streams.WAIT;
import static com.cvchat.chat.support.Streams.all;
import static com.cvchat.chat.support.Streams.chunkIndexes;
import static com.cvchat.platform.test.sse.SseEvent.chunkText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two chat-service instances (this test's context and a second one in the same JVM) on the Kafka broker and store of
 * the local stack, with the real llm-worker running as a process (its offline model, 30 ms per word); real SSE
 * clients over sockets. Needs {@code llm-worker/target/llm-worker.jar} (the reactor builds it before this module).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatWithLlmWorkerIT {

    static LocalStack stack;
    static ConfigurableApplicationContext second;
    static int secondPort;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        startStack();
        registry.add("spring.kafka.bootstrap-servers", stack::kafkaBootstrapServers);
        registry.add("spring.mongodb.uri", () -> stack.mongoConnectionString() + "/chat");
        registry.add("platform.security.jwk-set-uri", () -> TestInfrastructure.issuer().jwkSetUri());
    }

    static synchronized void startStack() {
        if (stack != null) {
            return;
        }
        try {
            Path home = Path.of("..").toAbsolutePath().normalize();
            stack = LocalStack.create(StackConfig.forTests(home, Files.createTempDirectory("chat-llm-worker-it"),
                    Map.of("LLM_PROVIDER", "offline", "LLM_OFFLINE_WORD_DELAY", "PT0.03S")));
            stack.startInfrastructure();
            stack.startServices(EnumSet.of(ServiceSpec.LLM_WORKER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void startSecondInstance() {
        if (second == null) {
            second = new SpringApplicationBuilder(ChatServiceApplication.class).run("--server.port=0",
                    "--spring.kafka.bootstrap-servers=" + stack.kafkaBootstrapServers(),
                    "--spring.mongodb.uri=" + stack.mongoConnectionString() + "/chat",
                    "--platform.security.jwk-set-uri=" + TestInfrastructure.issuer().jwkSetUri());
            secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        }
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void shouldStreamToAClientOnEitherInstanceInOrderAndNoneTwice() throws Exception {
        ApiClient onFirst = ApiClient.localUser(port, UUID.randomUUID().toString());
        ApiClient onSecond = ApiClient.localUser(secondPort, UUID.randomUUID().toString());
        String chatA = onFirst.createChat();
        String chatB = onSecond.createChat();

        CompletableFuture<List<SseEvent>> a = CompletableFuture.supplyAsync(
                () -> all(onFirst.sendMessage(chatA, "How do I plan a garden?")));
        CompletableFuture<List<SseEvent>> b = CompletableFuture.supplyAsync(
                () -> all(onSecond.sendMessage(chatB, "How do I learn the guitar?")));

        assertWholeAnswerStored(onFirst, chatA, a.get());
        assertWholeAnswerStored(onSecond, chatB, b.get());
        assertThat(chunkText(a.get())).contains("garden");
        assertThat(chunkText(b.get())).contains("guitar");
    }

    @Test
    void shouldResumeOnTheOtherInstanceWithLastEventIdLosingAndRepeatingNothing() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();

        List<SseEvent> before = new ArrayList<>();
        try (SseClient stream = user.sendMessage(chat, "Tell me how to train for a marathon")) {
            for (int i = 0; i < 4; i++) {
                before.add(stream.next(WAIT));
            }
        }
        String messageId = before.getFirst().json().path("message_id").asString();

        List<SseEvent> after;
        try (SseClient resumed = user.onLocal(secondPort).resume(chat, messageId, before.getLast().id())) {
            assertThat(resumed.status()).isEqualTo(200);
            after = resumed.rest(WAIT);
        }

        assertThat(after).extracting(SseEvent::type).doesNotContain("start");
        List<SseEvent> whole = new ArrayList<>(before);
        whole.addAll(after);
        assertWholeAnswerStored(user, chat, whole);
    }

    @Test
    void shouldCancelARunningAnswerFromTheOtherInstanceAndKeepWhatWasSaid() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();

        List<SseEvent> events = new ArrayList<>();
        try (SseClient stream = user.sendMessage(chat, "Explain the history of Rome in detail")) {
            events.add(stream.next(WAIT));
            events.add(stream.next(WAIT));
            String messageId = events.getFirst().json().path("message_id").asString();

            ApiResponse cancelled = user.onLocal(secondPort)
                    .post("/chats/" + chat + "/messages/" + messageId + "/cancel", null);
            assertThat(cancelled.status()).isEqualTo(200);
            events.addAll(stream.rest(WAIT));
        }

        assertThat(events.getLast().type()).isEqualTo("done");
        assertThat(events.getLast().json().path("cancelled").asBoolean()).isTrue();
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode messages = user.conversation(chat).path("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).path("message").asString()).isEqualTo(chunkText(events));
        });
    }

    @Test
    void shouldStoreTheWholeAnswerExactlyOnceWhenTheClientHangsUp() {
        ApiClient user = ApiClient.localUser(secondPort, UUID.randomUUID().toString());
        String chat = user.createChat();

        String messageId;
        try (SseClient stream = user.sendMessage(chat, "What is a good morning routine?")) {
            messageId = stream.next(WAIT).json().path("message_id").asString();
            stream.next(WAIT);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode messages = user.conversation(chat).path("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).path("id").asString()).isEqualTo(messageId);
            assertThat(messages.get(1).path("message").asString()).contains("morning routine").endsWith("?");
        });
        assertThat(aiMessagesOnTheLog(chat)).containsExactly(messageId);
    }

    @Test
    void shouldKeepThePostsTraceOnEveryChunkAndOnTheStoredAnswer() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();
        String traceId = UUID.randomUUID().toString().replace("-", "");

        List<SseEvent> events = all(user.sendMessage(chat,
                ApiClient.body().put("message", "How do I ask for a pay rise?"),
                Map.of("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")));

        assertWholeAnswerStored(user, chat, events);
        List<ConsumerRecord<String, EventEnvelope<EventPayload>>> replies =
                recordsOnTheLog(Topics.CHAT_REPLIES.name(), chat);
        assertThat(replies).as("the title's and the answer's chunks and last events")
                .hasSizeGreaterThan(3).extracting(ChatWithLlmWorkerIT::traceId).containsOnly(traceId);
        assertThat(recordsOnTheLog(Topics.CONVERSATION_EVENTS.name(), chat))
                .filteredOn(record -> record.value().payload() instanceof MessageAdded)
                .as("the question and the stored answer").hasSize(2)
                .extracting(ChatWithLlmWorkerIT::traceId).containsOnly(traceId);
    }

    private static String traceId(ConsumerRecord<String, ?> record) {
        Header traceparent = record.headers().lastHeader("traceparent");
        return traceparent == null ? null : new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1];
    }

    /** The records of {@code topic} keyed {@code chat}, in log order, up to the end of the log as it is now. */
    private static List<ConsumerRecord<String, EventEnvelope<EventPayload>>> recordsOnTheLog(String topic, String chat) {
        return TopicRecords.all(stack.kafkaBootstrapServers(), List.of(topic), new StringDeserializer(),
                new EventDeserializer()).stream().filter(r -> chat.equals(r.key()) && r.value() != null).toList();
    }

    private static void assertWholeAnswerStored(ApiClient user, String chat, List<SseEvent> events) {
        assertThat(events.getFirst().type()).isEqualTo("start");
        assertThat(events.getLast().type()).isEqualTo("done");
        assertThat(events).extracting(SseEvent::id).doesNotHaveDuplicates();
        List<Integer> ends = chunkIndexes(events);
        assertThat(ends).as("each chunk's id: where it ends in the answer").isSorted().doesNotHaveDuplicates();
        assertThat(ends.getLast()).isEqualTo(chunkText(events).length());
        await().atMost(WAIT).untilAsserted(() -> assertThat(user.conversation(chat).path("messages").path(1)
                .path("message").asString()).isEqualTo(chunkText(events)));
    }

    /** The ids of the AI messages recorded on conversation.events for {@code chat}, in log order. */
    private static List<String> aiMessagesOnTheLog(String chat) {
        try (KafkaConsumer<String, EventEnvelope<EventPayload>> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "log-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new EventDeserializer())) {
            consumer.subscribe(List.of(Topics.CONVERSATION_EVENTS.name()));
            List<String> ids = new ArrayList<>();
            List<String> types = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (chat.equals(r.key())) {
                        types.add(r.value().type());
                        if (r.value().payload() instanceof MessageAdded added && added.sender().equals("ai")) {
                            ids.add(added.messageId());
                        }
                    }
                });
                return types.contains("chat.title-set") && !ids.isEmpty();
            });
            consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                if (chat.equals(r.key()) && r.value().payload() instanceof MessageAdded added && added.sender().equals("ai")) {
                    ids.add(added.messageId());
                }
            });
            return ids;
        }
    }
}
