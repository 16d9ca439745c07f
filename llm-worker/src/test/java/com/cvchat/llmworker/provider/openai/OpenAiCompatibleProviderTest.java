package com.cvchat.llmworker.provider.openai;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.llmworker.provider.GenerationCancelled;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.ProviderResult;
import com.cvchat.llmworker.support.ProviderRun;
import com.cvchat.llmworker.support.Requests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The openai-compatible provider against a local server speaking /v1/chat/completions with SSE. */
class OpenAiCompatibleProviderTest {

    private FakeOpenAi server;
    private OpenAiCompatibleProvider provider;

    @BeforeEach
    void start() throws Exception {
        server = new FakeOpenAi();
        provider = new OpenAiCompatibleProvider(new OpenAiProperties(server.baseUrl() + "/v1", "llama3.2",
                "local-key", 10, 3, Duration.ofMillis(50), Duration.ofSeconds(20), Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private ProviderRun run(com.cvchat.events.llm.LlmRequest request) {
        return ProviderRun.complete(provider, request, Requests.USER);
    }

    @Test
    void shouldStreamChatCompletion() {
        ProviderRun run = run(Requests.chat("Say hi"));

        ProviderResult result = run.result().join();
        assertThat(run.chunks()).containsExactlyElementsOf(FakeOpenAi.DEFAULT_PIECES);
        assertThat(result.text()).isEqualTo("Local model says hi.");
        assertThat(result.usage().totalTokens()).isEqualTo(13);
        assertThat(server.received()).singleElement()
                .satisfies(received -> assertThat(received.header("Authorization")).isEqualTo("Bearer local-key"));
        JsonNode body = server.body(0);
        assertThat(body.path("model").asString()).isEqualTo("llama3.2");
        assertThat(body.path("stream").asBoolean()).isTrue();
        assertThat(body.at("/messages/0/role").asString()).isEqualTo("system");
        assertThat(body.at("/messages/2/role").asString()).isEqualTo("assistant");
        assertThat(body.at("/messages/3/content").asString()).isEqualTo("Say hi");
    }

    @Test
    void shouldAskForJsonSchemaAndReturnStructured() {
        JsonNode schema = EventJson.mapper().readTree("{\"type\": \"object\"}");
        server.then(FakeOpenAi.stream(List.of("{\"patch\": {}, ", "\"message\": \"Next?\"}"), Duration.ZERO));

        ProviderRun run = run(Requests.structured("I am Ada", schema));

        ProviderResult result = run.result().join();
        assertThat(result.structured().path("message").asString()).isEqualTo("Next?");
        assertThat(result.text()).isEqualTo("Next?");
        assertThat(server.body(0).at("/response_format/type").asString()).isEqualTo("json_schema");
        assertThat(server.body(0).at("/response_format/json_schema/schema/type").asString()).isEqualTo("object");
    }

    @Test
    void shouldRetryAfter429() {
        server.then(FakeOpenAi.error(429, "Too Many Requests", "1", "Rate limit reached"));

        ProviderRun run = run(Requests.chat("hello"));

        assertThat(run.result().join().text()).isEqualTo("Local model says hi.");
        assertThat(server.received()).hasSize(2);
        assertThat(Duration.between(server.received().get(0).at(), server.received().get(1).at()))
                .isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void shouldGiveUpOn503AfterBoundedAttempts() {
        for (int i = 0; i < 5; i++) {
            server.then(FakeOpenAi.error(503, "Service Unavailable", null, "loading model"));
        }

        ProviderRun run = run(Requests.chat("hello"));

        assertThat(run.llmFailure().reason()).isEqualTo(FailureReason.PROVIDER_UNAVAILABLE);
        assertThat(server.received()).hasSize(3);
    }

    @Test
    void shouldRejectBadKeyWithoutRetry() {
        server.then(FakeOpenAi.error(401, "Unauthorized", null, "Incorrect API key provided"));

        ProviderRun run = run(Requests.chat("hello"));

        LlmFailure failure = run.llmFailure();
        assertThat(failure.reason()).isEqualTo(FailureReason.API_KEY_INVALID);
        assertThat(failure.retryable()).isFalse();
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void shouldEndInTimeoutWhenStreamStalls() {
        server.then(FakeOpenAi.stall(List.of("Half", " an"), Duration.ofSeconds(10)));

        ProviderRun run = run(Requests.chat("hello"));

        LlmFailure failure = run.llmFailure();
        assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
        assertThat(run.chunks()).containsExactly("Half", " an");
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void shouldStopPromptlyWhenCancelled() {
        server.then(FakeOpenAi.stream(List.of("a", " b", " c", " d", " e"), Duration.ofSeconds(1)));
        ProviderRun run = ProviderRun.start(provider, Requests.chat("hello"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !run.chunks().isEmpty());

        run.cancel();

        await().atMost(Duration.ofSeconds(2)).until(run::done);
        assertThat(run.failure()).isInstanceOf(GenerationCancelled.class);
        assertThat(run.chunks()).hasSizeLessThan(5);
    }
}
