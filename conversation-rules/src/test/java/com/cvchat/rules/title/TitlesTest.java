package com.cvchat.rules.title;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** One title rule for chat, voice and the worker: the topic in at most six words, never the message cut off. */
class TitlesTest {

    @Test
    void shouldNameTheTopicInAtMostSixWordsNotCutTheMessagesFirstWords() {
        Map<String, String> titles = Map.ofEntries(
                Map.entry("How do I prepare for a system design interview?", "Preparing for a system design interview"),
                Map.entry("I am 14 weeks pregnant what should I eat", "Eating at 14 weeks pregnant"),
                Map.entry("What should I expect in my first trimester?", "What to expect in first trimester"),
                Map.entry("What should I expect in my first trimester of pregnancy?", "What to expect in first trimester"),
                Map.entry("Can you explain how to write a Python decorator?", "Writing a Python decorator"),
                Map.entry("Explain every step of planning a career change into data engineering", "Planning a career change"),
                Map.entry("why does my java code throw a NullPointerException", "Why java code throws a NullPointerException"),
                Map.entry("hello", "New conversation"),
                Map.entry("Good morning!", "New conversation"));
        titles.forEach((message, expected) -> {
            String title = Titles.fromMessage(message);
            assertThat(title).as(message).isEqualTo(expected);
            assertThat(title.split(" ")).as(message).hasSizeLessThanOrEqualTo(Titles.MAX_WORDS);
        });
    }

    @Test
    void shouldFindTheTopicInUnpunctuatedSpeech() {
        assertThat(Titles.fromMessage("my name is sarah johnson and i am a senior data scientist in new york"))
                .isEqualTo("Introducing Sarah Johnson");
        assertThat(Titles.fromMessage("hi my name is tom and i want to prepare for a system design interview"))
                .isEqualTo("Preparing for a system design interview");
    }

    @Test
    void shouldCleanAModelsTitleIntoTheSameShape() {
        assertThat(Titles.clean("\"Pregnancy Questions\"")).isEqualTo("Pregnancy Questions");
        assertThat(Titles.clean("Title: First trimester tips.\nMore text")).isEqualTo("First trimester tips");
        assertThat(Titles.clean("**System design interview prep**")).isEqualTo("System design interview prep");
        assertThat(Titles.clean("\"Sarah Johnson, data scientist\"")).isEqualTo("Sarah Johnson, data scientist");
        assertThat(Titles.clean("Chat about What")).as("a title that fits is kept as written").isEqualTo("Chat about What");
        assertThat(Titles.clean("  ")).isEmpty();
        String title = Titles.clean("A very long title that goes on and on about many different things at once");
        assertThat(title.split(" ")).hasSizeLessThanOrEqualTo(Titles.MAX_WORDS);
        assertThat(title).hasSizeLessThanOrEqualTo(Titles.MAX_LENGTH).doesNotEndWith(" on").doesNotEndWith(" and");
    }

    @Test
    void shouldFallBackToTheFirstMessagesTopicWhenTheModelGaveNoTitle() {
        assertThat(Titles.of(null, "How do I prepare for a system design interview?"))
                .isEqualTo("Preparing for a system design interview");
        assertThat(Titles.of("\"\"", "hello")).isEqualTo(Titles.FALLBACK);
        assertThat(Titles.of("Interview prep", "How do I prepare for a system design interview?"))
                .isEqualTo("Interview prep");
    }
}
