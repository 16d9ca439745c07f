package com.cvchat.llmworker.apikey;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.support.FakeAuthService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key resolution against auth-service's internal endpoint served over real HTTP. */
class GeminiKeyResolverTest {

    private FakeAuthService auth;

    @BeforeEach
    void start() throws Exception {
        auth = new FakeAuthService("internal-secret").withKey("user-with-key", "AIza-user-key");
    }

    @AfterEach
    void stop() {
        auth.close();
    }

    private GeminiKeyResolver resolver(String token, String serverKey, Duration cacheTtl) {
        return new GeminiKeyResolver(new AuthKeyProperties(auth.url(), token, cacheTtl, Duration.ofSeconds(5)),
                serverKey);
    }

    @Test
    void shouldPreferTheUsersOwnKey() {
        assertThat(resolver("internal-secret", "server-key", Duration.ZERO).resolve("user-with-key"))
                .isEqualTo("AIza-user-key");
    }

    @Test
    void shouldFallBackToServerKeyWhenUserHasNone() {
        assertThat(resolver("internal-secret", "server-key", Duration.ZERO).resolve("user-without-key"))
                .isEqualTo("server-key");
    }

    @Test
    void shouldFailWithApiKeyMissingWhenNeitherExists() {
        assertThatThrownBy(() -> resolver("internal-secret", "", Duration.ZERO).resolve("user-without-key"))
                .isInstanceOfSatisfying(LlmFailure.class, failure -> {
                    assertThat(failure.reason()).isEqualTo(FailureReason.API_KEY_MISSING);
                    assertThat(failure.retryable()).isFalse();
                });
    }

    @Test
    void shouldUseServerKeyWhenLookupIsRejected() {
        assertThat(resolver("wrong-token", "server-key", Duration.ZERO).resolve("user-with-key"))
                .isEqualTo("server-key");
    }

    @Test
    void shouldReportUnavailableWhenLookupFailsAndNoServerKey() {
        assertThatThrownBy(() -> resolver("wrong-token", null, Duration.ZERO).resolve("user-with-key"))
                .isInstanceOfSatisfying(LlmFailure.class,
                        failure -> assertThat(failure.reason()).isEqualTo(FailureReason.PROVIDER_UNAVAILABLE));
    }

    @Test
    void shouldCacheLookupsForTheTtl() {
        GeminiKeyResolver resolver = resolver("internal-secret", null, Duration.ofMinutes(1));

        resolver.resolve("user-with-key");
        resolver.resolve("user-with-key");

        assertThat(auth.calls()).isEqualTo(1);
    }
}
