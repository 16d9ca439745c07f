package com.cvchat.chat.stream.answer;

import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.TokenUsage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The end of an answer is decided once, for the stream's last event and for what is stored. */
class AnswerEndingTest {

    private final StreamRecord record = new StreamRecord("r-1", "m-1", "c-1", "u-1",
            "What should I eat in my first trimester?", "t-1", 0, 0, StreamRecord.RUNNING, Instant.EPOCH);

    @Test
    void shouldKeepACompletedAnswerWithItsDisclaimer() {
        AnswerEnding ending = AnswerEnding.of(record, new LlmCompleted("r-1", "chat", "Eat small meals.", 1,
                TokenUsage.NONE, null, "offline"));

        assertThat(ending.storedText()).isEqualTo("Eat small meals.");
        assertThat(ending.category(record)).isEqualTo("pregnancy");
        assertThat(ending.disclaimer().primaryCategory()).isEqualTo("pregnancy");
        assertThat(ending.failure()).isNull();
    }

    @Test
    void shouldStoreNothingForAFailureAndShowThePlatformsText() {
        AnswerEnding ending = AnswerEnding.of(record, new LlmFailed("r-1", "chat", FailureReason.API_KEY_MISSING,
                "internal detail", false, ""));

        assertThat(ending.storedText()).isNull();
        assertThat(ending.failure()).isEqualTo("Gemini API key not set. Please set your API key first.");
    }

    @Test
    void shouldKeepWhatACancelledAnswerHadStreamedWithoutATitle() {
        AnswerEnding ending = AnswerEnding.of(record, new LlmFailed("r-1", "chat", FailureReason.CANCELLED,
                "cancelled", false, "Eat small"));

        assertThat(ending.storedText()).isEqualTo("Eat small");
        assertThat(ending.cancelled()).isTrue();
        assertThat(ending.failure()).isNull();
        assertThat(AnswerEnding.of(record, new LlmFailed("r-1", "chat", FailureReason.CANCELLED, "", false, ""))
                .storedText()).isNull();
    }
}
