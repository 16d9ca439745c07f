package com.cvchat.chat.stream.answer;

import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.rules.disclaimer.Disclaimer;
import com.cvchat.rules.disclaimer.DisclaimerDetector;
import com.cvchat.rules.failure.FailureTexts;
import com.cvchat.rules.title.Titles;

/**
 * What an answer's last event means, decided once where the answer completes: the text kept (the whole answer, or what
 * a cancelled one had streamed), its disclaimer, or the sentence the user reads for a failure. The stream writer
 * only writes it (as its last event); the persister stores it.
 *
 * @param storedText the answer text to keep, or null when nothing is kept (a failure, a cancel before any text)
 * @param disclaimer the disclaimer of a completed answer, or null
 * @param cancelled  the user stopped the answer
 * @param failure    the failure text, or null when the answer completed or was cancelled
 */
public record AnswerEnding(String storedText, Disclaimer disclaimer, boolean cancelled, String failure) {

    public static AnswerEnding of(StreamRecord record, LlmResponseEvent last) {
        return switch (last) {
            case LlmCompleted completed -> new AnswerEnding(completed.text(),
                    DisclaimerDetector.detect(record.userMessage(), completed.text()).orElse(null), false, null);
            case LlmFailed failed when failed.reason() == FailureReason.CANCELLED -> new AnswerEnding(
                    failed.partialText() == null || failed.partialText().isBlank() ? null : failed.partialText(),
                    null, true, null);
            case LlmFailed failed -> new AnswerEnding(null, null, false, FailureTexts.of(failed.reason()));
            default -> throw new IllegalArgumentException("not the last event of an answer: " + last.getClass());
        };
    }

    /** The conversation's generated title from its title request's last event (the first message's topic if none). */
    public static String title(StreamRecord record, LlmResponseEvent titleEnd) {
        return Titles.of(titleEnd instanceof LlmCompleted completed ? completed.text() : null, record.userMessage());
    }

    /** The stored message's disclaimer category: the one of the text kept (a cancelled answer's own partial text). */
    public String category(StreamRecord record) {
        Disclaimer kept = cancelled && storedText != null
                ? DisclaimerDetector.detect(record.userMessage(), storedText).orElse(null) : disclaimer;
        return kept == null ? null : kept.primaryCategory();
    }
}
