package com.cvchat.rules.title;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a message is about, as the offline answer and the title read it. */
class TopicTest {

    @Test
    void shouldReadAMessageThatOnlyGreetsOrThanksAsAGreeting() {
        for (String message : new String[]{"hello there", "Hi!", "ok thanks", "Good morning", "thank you"}) {
            assertThat(Topic.of(message).greeting()).as(message).isTrue();
        }
    }

    @Test
    void shouldNotReadAnIntroductionAStatementOrAQuestionAsAGreeting() {
        for (String message : new String[]{"my name is Bob", "hello, my name is Sarah Johnson",
                "my name is sarah johnson and i am a data scientist i live in london", "I feel tired",
                "hello, how do I write a CV?", "hi?"}) {
            assertThat(Topic.of(message).greeting()).as(message).isFalse();
        }
    }
}
