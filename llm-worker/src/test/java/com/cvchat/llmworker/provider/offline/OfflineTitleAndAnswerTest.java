package com.cvchat.llmworker.provider.offline;

import com.cvchat.llmworker.support.Requests;
import com.cvchat.rules.title.Titles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline titles follow the platform's title rule; offline answers are shaped like an assistant's and honest. */
class OfflineTitleAndAnswerTest {

    private static String title(String message) {
        return OfflineAnswers.title(Requests.title(message));
    }

    /** The answer to {@code message} as the second turn of a chat (the test request carries one earlier exchange). */
    private static String answer(String message) {
        return OfflineAnswers.chatReply(Requests.chat(message));
    }

    @Test
    void shouldAnswerATitleRequestWithThePlatformsTitleOfTheMessage() {
        String message = "I am 14 weeks pregnant what should I eat";
        assertThat(title(message)).isEqualTo(Titles.fromMessage(message)).isEqualTo("Eating at 14 weeks pregnant");
        assertThat(title("hello")).isEqualTo(Titles.FALLBACK);
    }

    @Test
    void shouldGreetOnlyAGreetingAndHearOutASpokenIntroduction() {
        assertThat(OfflineAnswers.chatReply(Requests.chat("hello there"))).contains("built-in offline assistant");

        String spoken = "my name is sarah johnson and i am a data scientist i live in london with my family";
        assertThat(answer(spoken)).startsWith("Picking up from what we discussed, thanks for telling me.")
                .doesNotContain("built-in offline assistant");
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
