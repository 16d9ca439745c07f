package com.cvchat.rules.disclaimer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisclaimerDetectorTest {

    @ParameterizedTest(name = "{1} <- {0}")
    @CsvSource(delimiter = '|', textBlock = """
            What should I expect in my first trimester?                  | pregnancy
            I just found out I'm pregnant, what now?                     | pregnancy
            Is morning sickness normal at 8 weeks?                        | pregnancy
            I've been feeling depressed and anxious for weeks             | mental_health
            How do I find a good therapist?                              | mental_health
            What is a normal dose of ibuprofen for a headache?            | medical
            My child has a fever and a rash                              | medical
            Can my landlord evict me without notice?                      | legal
            Do I need a lawyer to get a divorce?                          | legal
            Should I invest my savings in index funds or pay my mortgage? | financial
            How are crypto gains taxed?                                   | financial
            """)
    void shouldDetectTheCategoryOfASensitiveQuestion(String message, String category) {
        Disclaimer disclaimer = DisclaimerDetector.detect(message, "").orElseThrow();

        assertThat(disclaimer.primaryCategory()).isEqualTo(category);
        assertThat(disclaimer.detectedCategories()).first().isEqualTo(category);
        assertThat(disclaimer.message()).isNotBlank().contains("educational purposes");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Hello, Nora!",
            "Write me a haiku about autumn leaves",
            "How do I reverse a linked list in Java?",
            "What is the capital of Australia?",
            "I will take a taxi to the hospitality fair and investigate the courtyard",
            "Our team shares a design portfolio and strong family bonds",
            ""})
    void shouldFindNothingInEverydayConversation(String message) {
        assertThat(DisclaimerDetector.detect(message, "Sure, here is an answer about " + message)).isEmpty();
    }

    @Test
    void shouldDetectATopicRaisedOnlyByTheAnswer() {
        assertThat(DisclaimerDetector.detect("I keep waking up at 4am", "This can be a symptom of anxiety or depression."))
                .hasValueSatisfying(d -> assertThat(d.detectedCategories()).containsExactly("mental_health", "medical"));
    }

    @Test
    void shouldListEveryDetectedCategoryPrimaryFirstWithTheUserMessageWeighingMore() {
        Disclaimer disclaimer = DisclaimerDetector.detect(
                "Can I take paracetamol while pregnant?",
                "Many doctors consider paracetamol safe at the usual dose; ask your midwife.").orElseThrow();

        assertThat(disclaimer.primaryCategory()).isEqualTo("medical");
        assertThat(disclaimer.detectedCategories()).containsExactly("medical", "pregnancy");
        assertThat(disclaimer.message()).contains("not medical advice");
    }

    @Test
    void shouldBeDeterministic() {
        String user = "My lawyer says the divorce will affect my pension and my anxiety is awful";
        assertThat(DisclaimerDetector.detect(user, "")).isEqualTo(DisclaimerDetector.detect(user, ""));
        assertThat(DisclaimerDetector.detect(user, null).orElseThrow().detectedCategories())
                .containsExactly("legal", "mental_health", "financial");
    }

    @Test
    void shouldTolerateNullTexts() {
        assertThat(DisclaimerDetector.detect(null, null)).isEmpty();
    }
}
