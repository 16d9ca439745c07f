package com.cvchat.chat.stream;

import com.cvchat.chat.ChatServiceApplication;
import com.cvchat.chat.support.Streams;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.llm.ScriptedModel;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.management.ObjectName;

import static com.cvchat.chat.support.Streams.WAIT;
import static com.cvchat.platform.test.sse.SseEvent.chunkText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two chat-service instances on one real broker and one store, a scripted model worker on the same broker (for
 * answers and faults chosen by the test), and real SSE clients over sockets. This instance has a short idle timeout and
 * heartbeat (4 s, 300 ms); the second one the defaults. Fan-out, resume, cancel and hang-up with
 * the real llm-worker: {@link ChatWithLlmWorkerIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "chat.stream.idle-timeout=4s", "chat.stream.heartbeat=300ms"})
@EmbeddedKafka(partitions = 2)
class ChatStreamingIT {

    @LocalServerPort
    int port;

    static ConfigurableApplicationContext second;
    static int secondPort;
    static ScriptedModel model;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "chat");
    }

    /** After this class's context (and its embedded broker) is up: the second instance and the model, once. */
    @BeforeEach
    void startSecondInstanceAndModel() {
        if (second != null) {
            return;
        }
        String brokers = System.getProperty("spring.embedded.kafka.brokers");
        second = new SpringApplicationBuilder(ChatServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.mongodb.uri=" + TestInfrastructure.mongo().uri("chat"),
                "--platform.security.jwk-set-uri=" + TestInfrastructure.issuer().jwkSetUri());
        secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
        model = ScriptedModel.start(brokers);
    }

    @AfterAll
    static void stop() {
        if (model != null) {
            model.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    void shouldStreamTheAnswerThenStoreItWithATitleAndADisclaimer() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();
        String question = "What should I expect in my first trimester?";

        List<SseEvent> events;
        try (SseClient stream = user.sendMessage(chat,
                ApiClient.body().put("message", question).put("personality", "mother_figure"), Map.of())) {
            assertThat(stream.status()).isEqualTo(200);
            events = stream.rest(WAIT);
        }

        assertThat(events).extracting(SseEvent::type).first().isEqualTo("start");
        assertThat(events).extracting(SseEvent::type).last().isEqualTo("done");
        assertThat(events.getFirst().json().path("title").asString())
                .as("the first message's start carries the title, as the spec shows").isEqualTo("Chat about What");
        String messageId = events.getFirst().json().path("message_id").asString();
        assertThat(events.getLast().json().path("message_id").asString()).isEqualTo(messageId);
        assertThat(chunkText(events)).isEqualTo(ScriptedModel.answerFor(question));
        assertThat(events).allSatisfy(e -> assertThat(e.id()).startsWith(messageId + ":"));
        JsonNode disclaimer = events.getLast().json().path("disclaimer");
        assertThat(disclaimer.path("primary_category").asString()).isEqualTo("pregnancy");
        assertThat(disclaimer.path("detected_categories").get(0).asString()).isEqualTo("pregnancy");
        assertThat(disclaimer.path("message").asString()).contains("educational purposes");
        assertThat(model.requests()).anySatisfy(r -> {
            assertThat(r.prompt()).isEqualTo(question);
            assertThat(r.systemInstruction()).contains("mother");
        });

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode data = user.conversation(chat);
            assertThat(data.path("conversation").path("title").asString()).isEqualTo("Chat about What");
            assertThat(data.path("messages")).hasSize(2);
            assertThat(data.path("messages").get(0).path("sender").asString()).isEqualTo("user");
            assertThat(data.path("messages").get(0).path("message").asString()).isEqualTo(question);
            assertThat(data.path("messages").get(1).path("sender").asString()).isEqualTo("ai");
            assertThat(data.path("messages").get(1).path("id").asString()).isEqualTo(messageId);
            assertThat(data.path("messages").get(1).path("message").asString())
                    .isEqualTo(ScriptedModel.answerFor(question));
        });
    }

    @Test
    void shouldSendEarlierMessagesAsHistoryAndNoTitleAfterTheFirstMessage() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();
        try (SseClient first = user.sendMessage(chat, "Hello there")) {
            first.rest(WAIT);
        }
        await().atMost(WAIT).until(() -> user.conversation(chat).path("messages").size() == 2);

        List<SseEvent> events;
        try (SseClient secondTurn = user.sendMessage(chat,
                ApiClient.body().put("message", "And again [words=3]").put("personality", "concise"), Map.of())) {
            events = secondTurn.rest(WAIT);
        }

        assertThat(events.getFirst().json().has("title")).isFalse();
        assertThat(events.getLast().json().has("disclaimer")).isFalse();
        assertThat(model.requests()).anySatisfy(r -> {
            assertThat(r.prompt()).isEqualTo("And again [words=3]");
            assertThat(r.history()).extracting(t -> t.role() + ":" + t.text())
                    .containsExactly("user:Hello there", "model:" + ScriptedModel.answerFor("Hello there"));
        });
    }

    @Test
    void shouldResumeWithLastEventIdOnTheSamePostAfterTheAnswerFinished() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();
        String prompt = "Short one [words=6]";
        List<SseEvent> first;
        try (SseClient stream = user.sendMessage(chat, prompt)) {
            first = stream.rest(WAIT);
        }
        String afterChunkTwo = first.get(2).id();

        List<SseEvent> replayed;
        try (SseClient again = user.onLocal(secondPort).stream("/chats/" + chat + "/message", "{}",
                java.util.Map.of("Last-Event-ID", afterChunkTwo))) {
            replayed = again.rest(WAIT);
        }

        assertThat(replayed).extracting(SseEvent::id)
                .isEqualTo(first.subList(3, first.size()).stream().map(SseEvent::id).toList());
        assertThat(user.conversation(chat).path("messages")).hasSize(2);
    }

    @Test
    void shouldEndWithAnErrorEventWithTheSpecTextWhenThereIsNoGeminiKey() {
        ApiClient user = ApiClient.localUser(secondPort, UUID.randomUUID().toString());
        String chat = user.createChat();

        List<SseEvent> events;
        try (SseClient stream = user.sendMessage(chat, "Hi [no-key]")) {
            assertThat(stream.status()).isEqualTo(200);
            events = stream.rest(WAIT);
        }

        assertThat(events).extracting(SseEvent::type).containsExactly("start", "error");
        assertThat(events.getLast().json().path("message").asString())
                .isEqualTo("Gemini API key not set. Please set your API key first.");
    }

    @Test
    void shouldSendEachCharacterOnceWhenTheAnswerIsGeneratedAgainAndCutDifferently() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();
        String question = "Start over please [words=9] [recut]";

        List<SseEvent> events;
        try (SseClient stream = user.sendMessage(chat, question)) {
            events = stream.rest(WAIT);
        }

        assertThat(chunkText(events)).isEqualTo(ScriptedModel.answerFor(question));
        assertThat(events.getLast().type()).isEqualTo("done");
        // a client that resumes after the third chunk gets exactly the rest
        String afterThird = events.stream().filter(e -> e.type().equals("chunk")).toList().get(2).id();
        String messageId = events.getFirst().json().path("message_id").asString();
        List<SseEvent> rest;
        try (SseClient resumed = user.onLocal(secondPort).resume(chat, messageId, afterThird)) {
            rest = resumed.rest(WAIT);
        }
        String firstThree = chunkText(events.subList(0, 1 + 3));
        assertThat(firstThree + chunkText(rest)).isEqualTo(ScriptedModel.answerFor(question));
    }

    @Test
    void shouldEndWithAnErrorEventWhenTheModelFailsMidStream() {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();

        List<SseEvent> events;
        try (SseClient stream = user.sendMessage(chat, "Break please [fail]")) {
            events = stream.rest(WAIT);
        }

        assertThat(events).extracting(SseEvent::type).containsExactly("start", "chunk", "chunk", "error");
        assertThat(events.getLast().json().path("message").asString())
                .isEqualTo("The AI service answered with an error. Please try again.");
        assertThat(events.getLast().id()).endsWith(":end");
    }

    @Test
    void shouldEndASilentAnswerWithAnErrorEventAfterTheIdleTimeoutDespiteHeartbeats() {
        RawSseStream stream = RawSseStream.send(
                ApiClient.localUser(port, UUID.randomUUID().toString()), "Nothing comes [pace=600000ms]");

        await().atMost(WAIT).until(stream::ended);

        assertThat(stream.events()).extracting(e -> e.path("type").asString()).containsExactly("start", "error");
        assertThat(stream.events().getLast().path("message").asString())
                .isEqualTo("The AI did not answer in time. Please try again.");
        assertThat(stream.ids().getLast()).endsWith(":end");
        assertThat(stream.lines().stream().filter(": keep-alive"::equals).count()).isGreaterThan(1);
    }

    @Test
    void shouldFetchOnlyTheRecordsOfItsOwnRequestsOnEachInstance() {
        // Given two instances that share the reply partitions between them
        await().atMost(WAIT).until(() -> replyMetric(port, "platform_replies_partitions", "")
                + replyMetric(secondPort, "platform_replies_partitions", "") == 24);
        double[] before = {received(port), received(secondPort)};

        // When each instance streams two answers of its own users: a first message (a title, 4 chunks, completed)
        // and a second one (4 chunks, completed) — 11 answer records per instance
        for (int instance : new int[]{port, secondPort}) {
            ApiClient user = ApiClient.localUser(instance, UUID.randomUUID().toString());
            String chat = user.createChat();
            Streams.all(user.sendMessage(chat, "One [words=4]"));
            await().atMost(WAIT).until(() -> user.conversation(chat).path("messages").size() == 2);
            Streams.all(user.sendMessage(chat, "Two [words=4]"));
        }

        // Then each instance fetched exactly its own 11 records and parsed every one it routed, none malformed
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(received(port) - before[0]).as("records fetched by the first instance").isEqualTo(11);
            assertThat(received(secondPort) - before[1]).as("records fetched by the second instance").isEqualTo(11);
        });
        assertThat(replyMetric(port, "platform_replies_records_total", "malformed")).isZero();
        assertThat(replyMetric(secondPort, "platform_replies_records_total", "malformed")).isZero();
    }

    @Test
    void shouldAcceptMessagesWithoutCreatingAnyKafkaClient() throws Exception {
        ApiClient user = ApiClient.localUser(port, UUID.randomUUID().toString());
        String chat = user.createChat();
        Streams.all(user.sendMessage(chat, "Warm up [words=2]"));
        Set<ObjectName> before = kafkaClients();
        Set<ObjectName> created = new HashSet<>();

        for (int i = 0; i < 5; i++) {
            try (SseClient stream = user.sendMessage(chat, "Again " + i + " [words=6] [pace=50ms]")) {
                assertThat(stream.next(WAIT).type()).isEqualTo("start");
                created.addAll(kafkaClients()); // looked at while the answer streams
                assertThat(stream.rest(WAIT)).extracting(SseEvent::type).last().isEqualTo("done");
            }
            created.addAll(kafkaClients());
        }

        created.removeAll(before);
        assertThat(created).as("Kafka consumers and admin clients that appeared while messages were accepted")
                .isEmpty();
    }

    /** The Kafka consumers and admin clients alive in this JVM (each registers its metrics under JMX). */
    private static Set<ObjectName> kafkaClients() throws Exception {
        var jmx = java.lang.management.ManagementFactory.getPlatformMBeanServer();
        Set<ObjectName> clients = new HashSet<>(
                jmx.queryNames(new ObjectName("kafka.consumer:type=consumer-metrics,*"), null));
        clients.addAll(jmx.queryNames(new ObjectName("kafka.admin.client:type=admin-client-metrics,*"), null));
        return clients;
    }

    private static double received(int serverPort) {
        return replyMetric(serverPort, "platform_replies_records_total", "routed")
                + replyMetric(serverPort, "platform_replies_records_total", "unclaimed");
    }

    /** A reply metric of one instance, read from its own {@code /actuator/prometheus} ({@code result} tag if given). */
    private static double replyMetric(int serverPort, String name, String result) {
        String text = ApiClient.at("http://localhost:" + serverPort).get("/actuator/prometheus").body();
        return text.lines().filter(line -> line.startsWith(name + "{") && line.contains("llm.responses.chat")
                        && (result.isEmpty() || line.contains("result=\"" + result + "\"")))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }
}
