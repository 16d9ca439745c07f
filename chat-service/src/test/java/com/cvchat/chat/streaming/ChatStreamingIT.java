package com.cvchat.chat.streaming;

import com.cvchat.chat.ChatServiceApplication;
import com.cvchat.chat.support.ChatApi;
import com.cvchat.chat.support.ScriptedModel;
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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two chat-service instances on one real broker and one store, a scripted model worker on the same broker, and real
 * SSE clients over sockets: streaming, fan-out to either instance, resume on the other instance, cancel, disconnect.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(partitions = 2)
class ChatStreamingIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

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
        ChatApi user = ChatApi.newUser(port);
        String chat = user.createChat();
        String question = "What should I expect in my first trimester?";

        List<SseEvent> events;
        try (SseClient stream = user.send(chat, question, "mother_figure")) {
            assertThat(stream.status()).isEqualTo(200);
            events = stream.rest(WAIT);
        }

        assertThat(events).extracting(SseEvent::type).first().isEqualTo("start");
        assertThat(events).extracting(SseEvent::type).last().isEqualTo("done");
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
        ChatApi user = ChatApi.newUser(port);
        String chat = user.createChat();
        try (SseClient first = user.send(chat, "Hello there", null)) {
            first.rest(WAIT);
        }
        await().atMost(WAIT).until(() -> user.conversation(chat).path("messages").size() == 2);

        List<SseEvent> events;
        try (SseClient secondTurn = user.send(chat, "And again [words=3]", "concise")) {
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
    void shouldStreamToAClientOnEitherInstanceInOrderAndNoneTwice() throws Exception {
        ChatApi onFirst = ChatApi.newUser(port);
        ChatApi onSecond = ChatApi.newUser(secondPort);
        String chatA = onFirst.createChat();
        String chatB = onSecond.createChat();
        String prompt = "Count for me [words=40] [pace=2ms]";

        CompletableFuture<List<SseEvent>> a = CompletableFuture.supplyAsync(() -> all(onFirst.send(chatA, prompt, null)));
        CompletableFuture<List<SseEvent>> b = CompletableFuture.supplyAsync(() -> all(onSecond.send(chatB, prompt, null)));

        for (List<SseEvent> events : List.of(a.get(), b.get())) {
            assertThat(events.getLast().type()).isEqualTo("done");
            assertThat(chunkText(events)).isEqualTo(ScriptedModel.answerFor(prompt));
            List<String> ids = events.stream().map(SseEvent::id).toList();
            assertThat(ids).doesNotHaveDuplicates();
            assertThat(chunkIndexes(events)).isSorted().hasSize(40);
        }
    }

    @Test
    void shouldResumeOnTheOtherInstanceWithLastEventIdLosingAndRepeatingNothing() {
        ChatApi user = ChatApi.newUser(port);
        String chat = user.createChat();
        String prompt = "Tell me a long story [words=30] [pace=40ms]";

        List<SseEvent> before = new ArrayList<>();
        try (SseClient stream = user.send(chat, prompt, null)) {
            while (before.stream().filter(e -> e.type().equals("chunk")).count() < 3) {
                before.add(stream.next(WAIT));
            }
        }
        String messageId = before.getFirst().json().path("message_id").asString();
        String lastEventId = before.getLast().id();

        List<SseEvent> after;
        try (SseClient resumed = user.on(secondPort).resume(chat, messageId, lastEventId)) {
            assertThat(resumed.status()).isEqualTo(200);
            after = resumed.rest(WAIT);
        }

        assertThat(after).extracting(SseEvent::type).doesNotContain("start");
        assertThat(after.getLast().type()).isEqualTo("done");
        List<SseEvent> whole = new ArrayList<>(before);
        whole.addAll(after);
        assertThat(chunkText(whole)).isEqualTo(ScriptedModel.answerFor(prompt));
        assertThat(whole.stream().map(SseEvent::id).toList()).doesNotHaveDuplicates();
        assertThat(chunkIndexes(whole)).isSorted().hasSize(30);
    }

    @Test
    void shouldResumeWithLastEventIdOnTheSamePostAfterTheAnswerFinished() {
        ChatApi user = ChatApi.newUser(port);
        String chat = user.createChat();
        String prompt = "Short one [words=6]";
        List<SseEvent> first;
        try (SseClient stream = user.send(chat, prompt, null)) {
            first = stream.rest(WAIT);
        }
        String afterChunkTwo = first.get(2).id();

        List<SseEvent> replayed;
        try (SseClient again = SseClient.post(user.on(secondPort).base() + "/" + chat + "/message", user.bearer(),
                "{}", java.util.Map.of("Last-Event-ID", afterChunkTwo))) {
            replayed = again.rest(WAIT);
        }

        assertThat(replayed).extracting(SseEvent::id)
                .isEqualTo(first.subList(3, first.size()).stream().map(SseEvent::id).toList());
        assertThat(user.conversation(chat).path("messages")).hasSize(2);
    }

    @Test
    void shouldCancelARunningAnswerFromTheOtherInstanceAndKeepWhatWasSaid() {
        ChatApi user = ChatApi.newUser(port);
        String chat = user.createChat();
        String prompt = "Go on forever [words=400] [pace=30ms]";

        try (SseClient stream = user.send(chat, prompt, null)) {
            SseEvent start = stream.next(WAIT);
            String messageId = start.json().path("message_id").asString();
            stream.next(WAIT);

            ChatApi.Response cancelled = user.on(secondPort).call("POST", "/" + chat + "/messages/" + messageId + "/cancel", null);
            assertThat(cancelled.status()).isEqualTo(200);
            assertThat(cancelled.json().path("success").asBoolean()).isTrue();

            List<SseEvent> rest = stream.rest(WAIT);
            assertThat(rest.getLast().type()).isEqualTo("done");
            assertThat(rest.getLast().json().path("cancelled").asBoolean()).isTrue();
            assertThat(chunkIndexes(rest)).hasSizeLessThan(399);
        }
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode messages = user.conversation(chat).path("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).path("message").asString()).startsWith("Answer word1");
            assertThat(messages.get(1).path("message").asString()).isNotEqualTo(ScriptedModel.answerFor(prompt));
        });
        String messageId = user.conversation(chat).path("messages").get(1).path("id").asString();
        assertThat(user.call("POST", "/" + chat + "/messages/" + messageId + "/cancel", null).status()).isEqualTo(409);
    }

    @Test
    void shouldStoreTheWholeAnswerOnceWhenTheClientHangsUp() {
        ChatApi user = ChatApi.newUser(port);
        String chat = user.createChat();
        String prompt = "Explain slowly [words=25] [pace=20ms]";

        try (SseClient stream = user.send(chat, prompt, null)) {
            stream.next(WAIT);
            stream.next(WAIT);
        }

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode messages = user.conversation(chat).path("messages");
            assertThat(messages).hasSize(2);
            assertThat(messages.get(1).path("message").asString()).isEqualTo(ScriptedModel.answerFor(prompt));
        });
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3))
                .until(() -> user.conversation(chat).path("messages").size() == 2);
    }

    @Test
    void shouldAnswer400WithTheSpecTextWhenThereIsNoGeminiKey() {
        ChatApi user = ChatApi.newUser(secondPort);
        String chat = user.createChat();

        try (SseClient stream = user.send(chat, "Hi [no-key]", null)) {
            assertThat(stream.status()).isEqualTo(400);
            assertThat(stream.errorBody()).isEqualTo("{\"error\":\"Gemini API key not set. Please set your API key first.\"}");
        }
    }

    @Test
    void shouldEndWithAnErrorEventWhenTheModelFailsMidStream() {
        ChatApi user = ChatApi.newUser(port);
        String chat = user.createChat();

        List<SseEvent> events;
        try (SseClient stream = user.send(chat, "Break please [fail]", null)) {
            events = stream.rest(WAIT);
        }

        assertThat(events).extracting(SseEvent::type).containsExactly("start", "chunk", "chunk", "error");
        assertThat(events.getLast().json().path("message").asString())
                .isEqualTo("The AI service answered with an error. Please try again.");
        assertThat(events.getLast().id()).endsWith(":end");
    }

    private static List<SseEvent> all(SseClient client) {
        try (client) {
            return client.rest(WAIT);
        }
    }

    private static String chunkText(List<SseEvent> events) {
        return events.stream().filter(e -> e.type().equals("chunk"))
                .map(e -> e.json().path("content").asString()).collect(Collectors.joining());
    }

    private static List<Integer> chunkIndexes(List<SseEvent> events) {
        return events.stream().filter(e -> e.type().equals("chunk"))
                .map(e -> Integer.parseInt(e.id().substring(e.id().lastIndexOf(':') + 1))).toList();
    }
}
