package com.cvchat.llmworker.provider.offline;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.llmworker.offline.cv.OfflineCvTurn;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.ProviderResult;
import com.cvchat.llmworker.support.ProviderRun;
import com.cvchat.llmworker.support.Requests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OfflineProviderTest {

    private static OfflineProvider provider(StaticListableBeanFactory beans) {
        return new OfflineProvider(new OfflineProperties(Duration.ZERO), beans.getBeanProvider(OfflineCvTurn.class));
    }

    private static ProviderRun run(OfflineProvider provider, LlmRequest request) {
        ProviderRun run = ProviderRun.start(provider, request);
        await().atMost(Duration.ofSeconds(10)).until(run::done);
        return run;
    }

    @Test
    void shouldAnswerTheSamePromptWithTheSameWords() {
        OfflineProvider provider = provider(new StaticListableBeanFactory());

        ProviderRun first = run(provider, Requests.chat("How do I negotiate a salary?"));
        ProviderRun second = run(provider, Requests.chat("How do I negotiate a salary?"));

        assertThat(first.chunks()).isEqualTo(second.chunks()).hasSizeGreaterThan(5);
        assertThat(first.result().join().text()).isEqualTo(String.join("", first.chunks()))
                .contains("how to negotiate a salary");
    }

    @Test
    void shouldTitleTheTopicOfTheFirstMessage() {
        ProviderResult result = run(provider(new StaticListableBeanFactory()),
                Requests.title("  my   first job interview is tomorrow, any tips?")).result().join();

        assertThat(result.text()).isEqualTo("Tips for first job interview").hasSizeLessThanOrEqualTo(60);
    }

    @Test
    void shouldFailCvTurnWithoutAnOfflineCvTurn() {
        ProviderRun run = run(provider(new StaticListableBeanFactory()),
                Requests.structured("I am Ada", EventJson.mapper().readTree("{}")));

        assertThat(run.failure()).isInstanceOfSatisfying(LlmFailure.class, failure -> {
            assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_REQUEST);
            assertThat(failure.retryable()).isFalse();
        });
    }

    @Test
    void shouldDelegateCvTurnAndStreamItsMessage() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        OfflineCvTurn turn = request -> EventJson.mapper().readTree(
                "{\"patch\": {\"name\": \"" + request.prompt() + "\"}, \"message\": \"What is your email address?\"}");
        beans.addBean("turn", turn);

        ProviderRun run = run(provider(beans), Requests.structured("Ada", EventJson.mapper().readTree("{}")));

        ProviderResult result = run.result().join();
        assertThat(result.structured().at("/patch/name").asString()).isEqualTo("Ada");
        assertThat(result.text()).isEqualTo("What is your email address?");
        assertThat(String.join("", run.chunks())).isEqualTo(result.text());
    }
}
