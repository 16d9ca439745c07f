package com.cvchat.chat.streaming;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TitlesTest {

    @Test
    void shouldKeepTheFirstLineWithoutQuotesOrLabel() {
        assertThat(Titles.clean("\"Pregnancy Questions\"")).isEqualTo("Pregnancy Questions");
        assertThat(Titles.clean("Title: First trimester tips.\nMore text")).isEqualTo("First trimester tips");
        assertThat(Titles.clean("  ")).isEmpty();
    }

    @Test
    void shouldShortenLongTitlesAtAWordBoundaryToSixtyCharacters() {
        String title = Titles.clean("A very long title that goes on and on about many different things at once");
        assertThat(title).hasSizeLessThanOrEqualTo(60).endsWith("…").startsWith("A very long title");
        assertThat(Titles.fromMessage("  hello \n  world  ")).isEqualTo("hello world");
    }
}
