package com.cvchat.llmworker.provider.offline;

import com.cvchat.llmworker.support.Requests;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline titles name the topic in at most six words; offline answers are shaped like an assistant's and honest. */
class OfflineTitleAndAnswerTest {

    private static String title(String message) {
        return OfflineAnswers.title(Requests.title(message));
    }

    /** The answer to {@code message} as the second turn of a chat (the test request carries one earlier exchange). */
    private static String answer(String message) {
        return OfflineAnswers.chatReply(Requests.chat(message));
    }

    @Test
    void shouldNameTheTopicInAtMostSixWordsNotCutTheMessagesFirstWords() {
        Map<String, String> titles = Map.of(
                "How do I prepare for a system design interview?", "Preparing for a system design interview",
                "I am 14 weeks pregnant what should I eat", "Eating at 14 weeks pregnant",
                "What should I expect in my first trimester?", "What to expect in first trimester",
                "Can you explain how to write a Python decorator?", "Writing a Python decorator",
                "Explain every step of planning a career change into data engineering", "Planning a career change",
                "why does my java code throw a NullPointerException", "Why java code throws a NullPointerException",
                "hello", "New conversation");
        titles.forEach((message, expected) -> {
            String title = title(message);
            assertThat(title).as(message).isEqualTo(expected);
            assertThat(title.split(" ")).as(message).hasSizeLessThanOrEqualTo(6);
        });
    }

    @Test
    void shouldAnswerAHowToQuestionWithAnIntroStepsTheOfflineNoteAndAClosingQuestion() {
        String answer = answer("How do I prepare for a system design interview?");

        assertThat(answer).startsWith("Picking up from what we discussed, here is a plan for how to prepare for a system design interview:\n\n1. **");
        assertThat(answer).contains("\n2. **", "\n3. **", "\n4. **", ChatAnswer.NOTE);
        assertThat(answer).endsWith("Which part would you like to go into first?");
        assertThat(answer).doesNotContain("\"").doesNotContain("Good question");
    }

    @Test
    void shouldAnswerOtherQuestionsWithBulletsAndCodeSpansForTechnicalOnes() {
        String answer = answer("why does my java code throw a NullPointerException");

        assertThat(answer).startsWith("Picking up from what we discussed, here is how I would look into why your java code throws a NullPointerException:");
        assertThat(answer).contains("\n- **", "`java`", ChatAnswer.NOTE);
        assertThat(answer("What should I expect in my first trimester?")).contains("your first trimester");
    }

    @Test
    void shouldStartEverySentenceWithACapitalLetter() {
        for (String message : new String[]{"I feel tired all the time", "hello", "Is coffee bad for you?",
                "I want to learn Spanish"}) {
            String answer = answer(message);
            assertThat(answer).as(message).matches("^\\p{Lu}(?s).*").doesNotContainPattern("[.!?] \\p{Ll}");
        }
    }
}
