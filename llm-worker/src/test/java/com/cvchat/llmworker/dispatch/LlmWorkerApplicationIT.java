package com.cvchat.llmworker.dispatch;

import com.cvchat.events.Topics;
import com.cvchat.events.json.EventHeaders;
import com.cvchat.events.llm.ReplyTo;
import java.nio.charset.StandardCharsets;
import com.cvchat.events.json.EventDeserializer;
import com.cvchat.events.json.EventSerializer;
import com.cvchat.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import java.util.HexFormat;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.llmworker.support.Requests;
import com.cvchat.llmworker.support.ResponseRecorder;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.events.llm.LlmRequestEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;
import java.util.ArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker as a whole on a real KRaft broker with the offline provider: health, requests in, ordered chunks and one
 * outcome out, cancel, de-duplication, dead letters, hand-back, metrics.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "llm.provider=offline",
        "llm.offline.word-delay=40ms",
        "llm.worker.handoff-grace=100ms",
        "platform.kafka.partitions.llm.requests=3",
        "platform.kafka.partitions.llm.responses.chat=3"})
@EmbeddedKafka(partitions = 1)
class LlmWorkerApplicationIT {

    private static ResponseRecorder responses;
    private static ResponseRecorder outcomes;
    private static ResponseRecorder deadLetters;

    @Autowired
    EventPublisher publisher;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "worker");
    }

    @BeforeEach
    void record() {
        if (responses != null) {
            return;
        }
        String bootstrap = System.getProperty("spring.embedded.kafka.brokers");
        responses = new ResponseRecorder(bootstrap, Topics.CHAT_REPLIES.name());
        outcomes = new ResponseRecorder(bootstrap, Topics.LLM_OUTCOMES.name());
        deadLetters = new ResponseRecorder(bootstrap, Topics.LLM_REQUESTS.deadLetter().name());
    }

    @AfterAll
    static void stop() throws InterruptedException {
        responses.close();
        outcomes.close();
        deadLetters.close();
    }

    @Test
    void shouldStreamChunksInOrderThenOneCompletion() {
        String conversation = UUID.randomUUID().toString();
        LlmRequest request = Requests.chat("How do I write a good CV summary?");

        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, request));

        await().atMost(Duration.ofSeconds(20)).until(() -> responses.terminals(request.requestId()).size() == 1);
        List<LlmChunk> chunks = responses.chunks(request.requestId());
        LlmCompleted completed = (LlmCompleted) responses.terminals(request.requestId()).getFirst();
        assertThat(chunks).extracting(LlmChunk::sequence)
                .containsExactlyElementsOf(LongStream.range(0, chunks.size()).boxed().toList());
        assertThat(chunks).hasSizeGreaterThan(5).allSatisfy(chunk -> assertThat(chunk.origin()).isEqualTo("chat"));
        assertThat(completed.text()).isEqualTo(String.join("", chunks.stream().map(LlmChunk::text).toList()))
                .contains("CV summary");
        assertThat(completed.chunkCount()).isEqualTo(chunks.size());
        assertThat(completed.provider()).isEqualTo("offline");
        assertThat(completed.origin()).isEqualTo("chat");
        assertThat(completed.usage().outputTokens()).as("words come faster than the chunk window: joined")
                .isGreaterThan(chunks.size());
        assertThat(responses.events(request.requestId()).getLast()).isEqualTo(completed);
        assertThat(responses.records()).filteredOn(record -> record.value() != null)
                .anySatisfy(record -> assertThat(record.key()).isEqualTo(conversation));
    }

    @Test
    void shouldAnswerOnlyOnTheRequestsReplyPartitionAndPutOnlyTheLastEventOnOutcomes() {
        String conversation = UUID.randomUUID().toString();
        LlmRequest request = Requests.chat("How long should a cover letter be?")
                .to(new ReplyTo(Topics.CHAT_REPLIES.name(), 2, Topics.LLM_OUTCOMES.name()));

        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, request));

        await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.terminals(request.requestId()).size() == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> responses.terminals(request.requestId()).size() == 1);
        assertThat(responses.records()).filteredOn(record -> record.value() != null && request.requestId().equals(
                        new String(record.headers().lastHeader(EventHeaders.REQUEST_ID).value(), StandardCharsets.UTF_8)))
                .isNotEmpty().allSatisfy(record -> assertThat(record.partition()).isEqualTo(2));
        assertThat(outcomes.events(request.requestId())).hasSize(1).first().isInstanceOf(LlmCompleted.class);
    }

    @Test
    void shouldCarryTheRequestsTraceOnEveryRecordOfItsAnswer() throws Exception {
        String traceId = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8), 0, 16);
        String conversation = UUID.randomUUID().toString();
        LlmRequest request = Requests.chat("What belongs in the skills section of a CV?");
        try (KafkaProducer<String, EventEnvelope<?>> client = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers")),
                new StringSerializer(), new EventSerializer())) {
            ProducerRecord<String, EventEnvelope<?>> record = new ProducerRecord<>(Topics.LLM_REQUESTS.name(),
                    conversation, Requests.envelope(conversation, request));
            record.headers().add("traceparent",
                    ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
            client.send(record).get();
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> outcomes.terminals(request.requestId()).size() == 1
                && responses.terminals(request.requestId()).size() == 1);
        assertThat(responses.chunks(request.requestId())).hasSizeGreaterThan(1);
        assertThat(responses.records(request.requestId())).hasSize(responses.events(request.requestId()).size())
                .extracting(LlmWorkerApplicationIT::traceparent)
                .allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-")
                        .as("the answer's own span, not the client's").doesNotContain("00f067aa0ba902b7"))
                .as("computed once per answer").containsOnly(traceparent(responses.records(request.requestId()).getFirst()));
        assertThat(outcomes.records(request.requestId())).hasSize(1).extracting(LlmWorkerApplicationIT::traceparent)
                .containsExactly(traceparent(responses.records(request.requestId()).getFirst()));
    }

    private static String traceparent(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("traceparent");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldDeadLetterRequestWhoseReplyAddressIsNotAReplyTopic() {
        String conversation = UUID.randomUUID().toString();
        LlmRequest misdirected = Requests.chat("Write into the audit log")
                .to(new ReplyTo(Topics.CONVERSATION_EVENTS.name(), 0, null));

        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, misdirected));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deadLetters.records())
                .anySatisfy(record -> assertThat(new EventDeserializer().deserialize(record.topic(), record.value())
                        .payload()).isEqualTo(misdirected)));
        assertThat(responses.events(misdirected.requestId())).isEmpty();
    }

    @Test
    void shouldAnswerTitleTaskWithShortTitle() {
        LlmRequest request = Requests.title("\"Please help me\" prepare for a job interview at a bank next week");

        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(UUID.randomUUID().toString(), request));

        await().atMost(Duration.ofSeconds(20)).until(() -> responses.terminals(request.requestId()).size() == 1);
        LlmCompleted completed = (LlmCompleted) responses.terminals(request.requestId()).getFirst();
        assertThat(completed.text()).isEqualTo("Preparing for a job interview").doesNotContain("\"");
    }

    @Test
    void shouldStopGenerationPromptlyWhenCancelled() {
        String conversation = UUID.randomUUID().toString();
        LlmRequest request = Requests.chat("Explain every step of planning a career change into data engineering");

        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, request));
        await().atMost(Duration.ofSeconds(20)).until(() -> responses.chunks(request.requestId()).size() >= 2);
        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.cancel(conversation, request.requestId()));

        await().atMost(Duration.ofSeconds(5)).until(() -> responses.terminals(request.requestId()).size() == 1);
        LlmResponseEvent terminal = responses.terminals(request.requestId()).getFirst();
        assertThat(terminal).isInstanceOfSatisfying(LlmFailed.class, failed -> {
            assertThat(failed.reason()).isEqualTo(FailureReason.CANCELLED);
            assertThat(failed.retryable()).isFalse();
            assertThat(failed.origin()).isEqualTo("chat");
            assertThat(failed.partialText()).isEqualTo(String.join("",
                    responses.chunks(request.requestId()).stream().map(LlmChunk::text).toList()));
        });
        int wordsOfFullAnswer = 40;
        assertThat(responses.chunks(request.requestId())).hasSizeLessThan(wordsOfFullAnswer);
    }

    @Test
    void shouldGenerateDuplicateDeliveriesOnlyOnce() {
        String conversation = UUID.randomUUID().toString();
        LlmRequest request = Requests.chat("What should a cover letter for a nursing job say?");
        LlmRequest later = Requests.chat("Thanks, and what about references?");

        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, request));
        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, request));
        await().atMost(Duration.ofSeconds(20)).until(() -> responses.terminals(request.requestId()).size() == 1);
        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, request));
        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, later));

        // same key, same partition, handled in order: once `later` is answered, every copy before it was seen
        await().atMost(Duration.ofSeconds(20)).until(() -> responses.terminals(later.requestId()).size() == 1);
        assertThat(responses.terminals(request.requestId())).hasSize(1);
        List<LlmChunk> chunks = responses.chunks(request.requestId());
        assertThat(chunks).extracting(LlmChunk::sequence)
                .containsExactlyElementsOf(LongStream.range(0, chunks.size()).boxed().toList());
    }

    @Test
    void shouldDeadLetterPoisonRecordAndKeepThePartitionFlowing() throws Exception {
        String conversation = UUID.randomUUID().toString();
        LlmRequest next = Requests.chat("Is this partition still flowing?");
        try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers")),
                new StringSerializer(), new ByteArraySerializer())) {
            raw.send(new ProducerRecord<>(Topics.LLM_REQUESTS.name(), conversation,
                    "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, next));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deadLetters.records())
                .anySatisfy(record -> {
                    assertThat(record.key()).isEqualTo(conversation);
                    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
                }));
        await().atMost(Duration.ofSeconds(20)).until(() -> responses.terminals(next.requestId()).size() == 1);
        assertThat(responses.terminals(next.requestId()).getFirst()).isInstanceOf(LlmCompleted.class);
    }

    @Test
    void shouldDeadLetterRequestWithoutRequestId() {
        String conversation = UUID.randomUUID().toString();
        LlmRequest broken = new LlmRequest(null, "chat", null, null, List.of(), "no id", null, null);
        LlmRequest next = Requests.chat("And this one?");

        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, broken));
        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, next));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(deadLetters.records())
                .anySatisfy(record -> assertThat(new EventDeserializer().deserialize(record.topic(), record.value())
                        .payload()).isEqualTo(broken)));
        await().atMost(Duration.ofSeconds(20)).until(() -> responses.terminals(next.requestId()).size() == 1);
    }

    @Test
    void shouldHandBackInFlightRequestOnShutdownSoTheNextOwnerAnswersIt() throws Exception {
        String conversation = UUID.randomUUID().toString();
        LlmRequest request = Requests.chat("Walk me through every section of a graduate CV, one by one");
        MessageListenerContainer worker = listeners.getListenerContainer(GenerationDispatcher.LISTENER_ID);
        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(conversation, request));
        await().atMost(Duration.ofSeconds(20)).until(() -> !responses.chunks(request.requestId()).isEmpty());

        worker.stop();
        try (KafkaConsumer<String, byte[]> nextOwner = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("spring.embedded.kafka.brokers"),
                ConsumerConfig.GROUP_ID_CONFIG, "llm-worker",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            nextOwner.subscribe(List.of(Topics.LLM_REQUESTS.name()));
            List<String> redelivered = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                nextOwner.poll(Duration.ofMillis(200)).forEach(record -> redelivered.add(
                        ((LlmRequestEvent) new EventDeserializer().deserialize(record.topic(), record.value())
                                .payload()).requestId()));
                return redelivered.contains(request.requestId());
            });
            assertThat(responses.terminals(request.requestId())).isEmpty();
        } finally {
            worker.start();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> responses.terminals(request.requestId()).size() == 1);
        assertThat(responses.terminals(request.requestId()).getFirst()).isInstanceOf(LlmCompleted.class);
    }

    @Test
    void shouldStartAndReportHealthUp() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void shouldShowBuildAndGitInformation() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/info")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode info = JsonMapper.builder().build().readTree(response.body());
        assertThat(info.path("build").path("artifact").asString()).isEqualTo("llm-worker");
        assertThat(info.path("build").path("version").asString()).matches("\\d+\\.\\d+\\.\\d+.*");
        if (Files.exists(Path.of("..", ".git"))) { // a clone: the commit built; a source tarball has none
            assertThat(info.path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");
            assertThat(info.path("git").path("branch").asString()).isNotBlank();
        } else {
            assertThat(info.path("git").path("commit").isMissingNode()).isTrue();
        }
    }

    @Test
    void shouldExposeGenerationMetrics() throws Exception {
        LlmRequest request = Requests.chat("Metrics please");
        publisher.publishAndWait(Topics.LLM_REQUESTS, Requests.envelope(UUID.randomUUID().toString(), request));
        await().atMost(Duration.ofSeconds(20)).until(() -> responses.terminals(request.requestId()).size() == 1);

        HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(metrics.body())
                .contains("llm_generation_duration_seconds_count{")
                .contains("outcome=\"completed\"")
                .contains("llm_generations_in_flight")
                .contains("llm_generation_first_chunk_seconds");
    }
}
