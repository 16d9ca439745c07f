package com.cvchat.cvbuilder.turn;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.platform.web.ApiException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TurnFailuresTest {

    private static ApiException failure(FailureReason reason) {
        return TurnFailures.toApiException(new LlmFailed("r", "cv", reason, "internal detail", false, ""));
    }

    @Test
    void shouldAnswerTheSpecsTextWhenNoApiKeyIsSet() {
        ApiException e = failure(FailureReason.API_KEY_MISSING);
        assertThat(e.status().value()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Gemini API key not set. Please set your API key first.");
    }

    @Test
    void shouldGiveEveryReasonAStatusAndASentenceWithoutTheWorkersDetails() {
        for (FailureReason reason : FailureReason.values()) {
            ApiException e = failure(reason);
            assertThat(e.status().value()).as(reason.name()).isBetween(400, 599);
            assertThat(e.getMessage()).as(reason.name()).endsWith(".").doesNotContain("internal detail");
        }
        assertThat(failure(FailureReason.RATE_LIMITED).status().value()).isEqualTo(429);
        assertThat(failure(FailureReason.TIMEOUT).status().value()).isEqualTo(504);
        assertThat(failure(FailureReason.PROVIDER_ERROR).status().value()).isEqualTo(502);
    }
}
