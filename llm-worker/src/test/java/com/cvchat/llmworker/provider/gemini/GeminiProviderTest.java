package com.cvchat.llmworker.provider.gemini;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.llmworker.apikey.AuthKeyProperties;
import com.cvchat.llmworker.apikey.GeminiKeyResolver;
import com.cvchat.llmworker.provider.GenerationCancelled;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.ProviderResult;
import com.cvchat.llmworker.support.ProviderRun;
import com.cvchat.llmworker.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The real google-genai client against a local fake of the Gemini REST API, with fault injection. */
class GeminiProviderTest {

    private FakeGemini gemini;
    private GeminiProvider provider;

    /** Loads the SDK and OkHttp once (seconds on a busy machine), so the timeouts below measure the fake only. */
    @BeforeAll
    static void warmUp() throws Exception {
        try (FakeGemini warm = new FakeGemini()) {
            GeminiProvider provider = new GeminiProvider(new GeminiProperties(null, null, warm.baseUrl(), null, null,
                    1, null, null, Duration.ofSeconds(120), Duration.ofSeconds(60), Duration.ofSeconds(60)),
                    new GeminiKeyResolver(new AuthKeyProperties("http://127.0.0.1:1", null, Duration.ZERO, null), "k"));
            ProviderRun run = ProviderRun.start(provider, Requests.chat("warm up"), null);
            await().atMost(Duration.ofSeconds(120)).until(run::done);
            provider.destroy();
        }
    }

    @BeforeEach
    void start() throws Exception {
        gemini = new FakeGemini();
        provider = provider(Duration.ofSeconds(3));
    }

    private GeminiProvider provider(Duration readTimeout) {
        GeminiProperties properties = new GeminiProperties(null, "gemini-2.5-flash", gemini.baseUrl(), 256, 2, 3,
                Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(1),
                readTimeout);
        GeminiKeyResolver keys = new GeminiKeyResolver(
                new AuthKeyProperties("http://127.0.0.1:1", null, Duration.ZERO, Duration.ofMillis(200)),
                "server-test-key");
        return new GeminiProvider(properties, keys);
    }

    @AfterEach
    void stop() throws Exception {
        provider.destroy();
        gemini.close();
    }

    private ProviderRun run(LlmRequest request) {
        return ProviderRun.complete(provider, request, null);
    }

    @Test
    void shouldStreamAnswerWithSystemInstructionHistoryWindowAndThinkingBudget() {
        LlmRequest request = Requests.chat("What is a CV?");

        ProviderRun run = run(request);

        ProviderResult result = run.result().join();
        assertThat(run.chunks()).containsExactlyElementsOf(FakeGemini.DEFAULT_WORDS);
        assertThat(result.text()).isEqualTo("Hello from the fake Gemini.");
        assertThat(result.usage().promptTokens()).isEqualTo(12);
        assertThat(result.usage().totalTokens()).isEqualTo(19);
        assertThat(gemini.received()).singleElement().satisfies(received -> {
            assertThat(received.target()).isEqualTo("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
            assertThat(received.header("x-goog-api-key")).isEqualTo("server-test-key");
        });
        JsonNode body = gemini.body(0);
        assertThat(body.at("/systemInstruction/parts/0/text").asString()).isEqualTo("You are a helpful assistant.");
        assertThat(body.at("/generationConfig/thinkingConfig/thinkingBudget").asInt()).isEqualTo(256);
        assertThat(body.get("contents")).hasSize(3);
        assertThat(body.at("/contents/0/role").asString()).isEqualTo("user");
        assertThat(body.at("/contents/1/role").asString()).isEqualTo("model");
        assertThat(body.at("/contents/2/parts/0/text").asString()).isEqualTo("What is a CV?");
    }

    @Test
    void shouldKeepOnlyTheHistoryWindow() {
        List<com.cvchat.events.llm.ChatTurn> turns = Collections.nCopies(5,
                new com.cvchat.events.llm.ChatTurn("user", "earlier"));
        LlmRequest request = new LlmRequest("r-window", "chat", com.cvchat.events.llm.LlmTask.CHAT_REPLY, null, turns,
                "now", null, null);

        run(request);

        assertThat(gemini.body(0).get("contents")).hasSize(3);
        assertThat(gemini.body(0).has("systemInstruction")).isFalse();
    }

    @Test
    void shouldHonourRetryDelayOf429AndThenAnswer() {
        gemini.then(FakeGemini.error(429, "Too Many Requests", FakeGemini.perMinuteQuotaBody("0.6s")));

        ProviderRun run = run(Requests.chat("hello"));

        assertThat(run.result().join().text()).isEqualTo("Hello from the fake Gemini.");
        assertThat(gemini.received()).hasSize(2);
        Duration waited = Duration.between(gemini.received().get(0).at(), gemini.received().get(1).at());
        assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }

    @Test
    void shouldNotRetryPerDayQuota() {
        gemini.then(FakeGemini.error(429, "Too Many Requests", FakeGemini.perDayQuotaBody()));

        ProviderRun run = run(Requests.chat("hello"));

        LlmFailure failure = run.llmFailure();
        assertThat(failure.reason()).isEqualTo(FailureReason.QUOTA_EXHAUSTED);
        assertThat(failure.retryable()).isFalse();
        assertThat(gemini.received()).hasSize(1);
    }

    @Test
    void shouldFailRateLimitWhenRetryDelayExceedsTheBudget() {
        gemini.then(FakeGemini.error(429, "Too Many Requests", FakeGemini.perMinuteQuotaBody("45s")));

        ProviderRun run = run(Requests.chat("hello"));

        LlmFailure failure = run.llmFailure();
        assertThat(failure.reason()).isEqualTo(FailureReason.RATE_LIMITED);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.getMessage()).contains("45s");
        assertThat(gemini.received()).hasSize(1);
    }

    @Test
    void shouldBackOffOn503ThenAnswer() {
        gemini.then(FakeGemini.error(503, "Service Unavailable", FakeGemini.UNAVAILABLE_BODY))
                .then(FakeGemini.error(503, "Service Unavailable", FakeGemini.UNAVAILABLE_BODY));

        ProviderRun run = run(Requests.chat("hello"));

        assertThat(run.result().join().text()).isEqualTo("Hello from the fake Gemini.");
        assertThat(gemini.received()).hasSize(3);
    }

    @Test
    void shouldGiveUpOn503AfterBoundedAttempts() {
        for (int i = 0; i < 5; i++) {
            gemini.then(FakeGemini.error(503, "Service Unavailable", FakeGemini.UNAVAILABLE_BODY));
        }

        ProviderRun run = run(Requests.chat("hello"));

        LlmFailure failure = run.llmFailure();
        assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_UNAVAILABLE);
        assertThat(failure.retryable()).isTrue();
        assertThat(gemini.received()).hasSize(3);
    }

    @Test
    void shouldGiveUpOn504AsTimeout() {
        for (int i = 0; i < 5; i++) {
            gemini.then(FakeGemini.error(504, "Gateway Timeout", FakeGemini.DEADLINE_BODY));
        }

        ProviderRun run = run(Requests.chat("hello"));

        assertThat(run.llmFailure().reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(gemini.received()).hasSize(3);
    }

    @Test
    void shouldFailWithPartialTextWhenConnectionResetsMidStream() {
        gemini.then(FakeGemini.resetAfter(List.of("Part", " one", " two")));

        ProviderRun run = run(Requests.chat("hello"));

        LlmFailure failure = run.llmFailure();
        assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_ERROR);
        assertThat(failure.retryable()).isTrue();
        // the SDK's iterator reads one event ahead, so the event before the reset is never handed out
        assertThat(run.chunks()).isNotEmpty().isSubsetOf("Part", " one");
        assertThat(String.join("", run.chunks())).isIn("Part", "Part one");
        assertThat(gemini.received()).hasSize(1);
    }

    @Test
    void shouldRetryWhenFirstByteIsTooSlow() {
        gemini.then(FakeGemini.streamWithPause(List.of("late"), Duration.ofSeconds(8), Duration.ZERO));

        ProviderRun run = run(Requests.chat("hello"));

        assertThat(run.result().join().text()).isEqualTo("Hello from the fake Gemini.");
        assertThat(gemini.received()).hasSize(2);
    }

    @Test
    void shouldEndInTimeoutWhenStreamStallsMidway() {
        gemini.then((request, exchange) -> {
            exchange.startStream("text/event-stream");
            exchange.chunk("data: " + FakeGemini.event("one", null) + "\r\n\r\n");
            exchange.chunk("data: " + FakeGemini.event(" two", null) + "\r\n\r\n");
            exchange.pause(Duration.ofSeconds(8));
        });

        ProviderRun run = run(Requests.chat("hello"));

        LlmFailure failure = run.llmFailure();
        assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(run.chunks()).containsExactly("one");
        assertThat(gemini.received()).hasSize(1);
    }

    @Test
    void shouldStopPromptlyWhenCancelledMidStream() {
        gemini.then(FakeGemini.streamWithPause(List.of("a", " b", " c", " d", " e", " f"), Duration.ZERO,
                Duration.ofSeconds(1)));
        ProviderRun run = ProviderRun.start(provider, Requests.chat("hello"), null);
        await().atMost(Duration.ofSeconds(10)).until(() -> !run.chunks().isEmpty());

        run.cancel();

        await().atMost(Duration.ofSeconds(2)).until(run::done);
        assertThat(run.failure()).isInstanceOf(GenerationCancelled.class);
        assertThat(run.chunks()).hasSizeLessThan(5);
    }

    @Test
    void shouldRejectInvalidKeyWithoutRetry() {
        gemini.then(FakeGemini.error(400, "Bad Request", FakeGemini.INVALID_KEY_BODY));

        ProviderRun run = run(Requests.chat("hello"));

        LlmFailure failure = run.llmFailure();
        assertThat(failure.reason()).isEqualTo(FailureReason.API_KEY_INVALID);
        assertThat(failure.retryable()).isFalse();
        assertThat(gemini.received()).hasSize(1);
    }

    @Test
    void shouldReturnStructuredAnswerForResponseSchema() {
        JsonNode schema = EventJson.mapper().readTree("""
                {"type": "object", "properties": {"patch": {"type": "object"}, "message": {"type": "string"}},
                 "required": ["patch", "message"]}""");
        gemini.then(FakeGemini.stream(List.of("{\"patch\": {\"name\": \"Ada\"},", " \"message\": \"What is your email?\"}")));

        ProviderRun run = run(Requests.structured("I am Ada", schema));

        ProviderResult result = run.result().join();
        assertThat(result.structured().at("/patch/name").asString()).isEqualTo("Ada");
        assertThat(result.text()).isEqualTo("What is your email?");
        assertThat(run.chunks()).containsExactly("What is your email?");
        JsonNode body = gemini.body(0);
        assertThat(body.at("/generationConfig/responseMimeType").asString()).isEqualTo("application/json");
        assertThat(body.at("/generationConfig/responseJsonSchema/required/0").asString()).isEqualTo("patch");
    }
}
