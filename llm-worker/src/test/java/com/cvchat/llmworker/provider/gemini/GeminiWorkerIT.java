package com.cvchat.llmworker.provider.gemini;

import com.cvchat.events.Topics;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.llmworker.support.FakeAuthService;
import com.cvchat.llmworker.support.Requests;
import com.cvchat.llmworker.support.ResponseRecorder;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker with {@code LLM_PROVIDER=gemini} on a real broker: the real google-genai client talks to the fake Gemini
 * API, the user's key comes from the fake auth-service over HTTP, and no key ever appears on Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "llm.provider=gemini",
        "llm.gemini.api-key=",
        "llm.auth.cache-ttl=0s",
        "platform.kafka.partitions.llm.requests=2",
        "platform.kafka.partitions.llm.responses=2"})
@EmbeddedKafka(partitions = 1)
class GeminiWorkerIT {

    private static final String USER_WITH_KEY = UUID.randomUUID().toString();
    private static final String USER_KEY = "AIza-users-own-key-123";
    private static final FakeGemini GEMINI = start();
    private static final FakeAuthService AUTH = auth();
    private static ResponseRecorder responses;

    @Autowired
    EventPublisher publisher;

    private static FakeGemini start() {
        try {
            return new FakeGemini();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static FakeAuthService auth() {
        try {
            return new FakeAuthService("internal-token").withKey(USER_WITH_KEY, USER_KEY);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "worker");
        registry.add("llm.gemini.base-url", GEMINI::baseUrl);
        registry.add("llm.auth.url", AUTH::url);
        registry.add("llm.auth.internal-token", AUTH::token);
    }

    @BeforeEach
    void record() {
        if (responses == null) {
            responses = new ResponseRecorder(System.getProperty("spring.embedded.kafka.brokers"),
                    Topics.CHAT_REPLIES.name());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (responses != null) {
            responses.close();
        }
        GEMINI.close();
        AUTH.close();
    }

    @Test
    void shouldAnswerWithTheUsersOwnKeyAndNeverPutItOnKafka() {
        LlmRequest request = Requests.chat("Hello Gemini");

        publisher.publishAndWait(Topics.LLM_REQUESTS,
                Requests.envelope(UUID.randomUUID().toString(), USER_WITH_KEY, request));

        await().atMost(Duration.ofSeconds(60)).until(() -> responses.terminals(request.requestId()).size() == 1);
        assertThat(responses.terminals(request.requestId()).getFirst()).isInstanceOfSatisfying(LlmCompleted.class,
                completed -> {
                    assertThat(completed.provider()).isEqualTo("gemini");
                    assertThat(completed.text()).isEqualTo("Hello from the fake Gemini.");
                    assertThat(completed.usage().totalTokens()).isEqualTo(19);
                });
        // the pieces Gemini streams, the first at once and the rest joined within the chunk window
        assertThat(responses.chunks(request.requestId())).extracting(LlmChunk::text)
                .startsWith(FakeGemini.DEFAULT_WORDS.getFirst())
                .satisfies(texts -> assertThat(String.join("", texts)).isEqualTo(String.join("", FakeGemini.DEFAULT_WORDS)));
        assertThat(GEMINI.received()).anySatisfy(received ->
                assertThat(received.header("x-goog-api-key")).isEqualTo(USER_KEY));
        assertThat(responses.records()).noneSatisfy(record ->
                assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains(USER_KEY));
    }

    @Test
    void shouldFailWithApiKeyMissingWhenNoKeyExists() {
        LlmRequest request = Requests.chat("Hello?");

        publisher.publishAndWait(Topics.LLM_REQUESTS,
                Requests.envelope(UUID.randomUUID().toString(), UUID.randomUUID().toString(), request));

        await().atMost(Duration.ofSeconds(60)).until(() -> responses.terminals(request.requestId()).size() == 1);
        assertThat(responses.terminals(request.requestId()).getFirst()).isInstanceOfSatisfying(LlmFailed.class,
                failed -> {
                    assertThat(failed.reason()).isEqualTo(FailureReason.API_KEY_MISSING);
                    assertThat(failed.retryable()).isFalse();
                    assertThat(failed.origin()).isEqualTo("chat");
                });
        assertThat(responses.chunks(request.requestId())).isEmpty();
    }

    @Test
    void shouldPublishQuotaExhaustedForPerDayLimit() {
        GEMINI.then(FakeGemini.error(429, "Too Many Requests", FakeGemini.perDayQuotaBody()));
        LlmRequest request = Requests.chat("One more?");

        publisher.publishAndWait(Topics.LLM_REQUESTS,
                Requests.envelope(UUID.randomUUID().toString(), USER_WITH_KEY, request));

        await().atMost(Duration.ofSeconds(60)).until(() -> responses.terminals(request.requestId()).size() == 1);
        assertThat(responses.terminals(request.requestId()).getFirst()).isInstanceOfSatisfying(LlmFailed.class,
                failed -> {
                    assertThat(failed.reason()).isEqualTo(FailureReason.QUOTA_EXHAUSTED);
                    assertThat(failed.retryable()).isFalse();
                });
    }
}
