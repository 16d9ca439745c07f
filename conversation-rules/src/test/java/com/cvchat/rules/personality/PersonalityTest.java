package com.cvchat.rules.personality;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalityTest {

    @Test
    void shouldMapEveryDocumentedNameToItsOwnSystemInstruction() {
        assertThat(Personality.fromWireName("mother_figure")).contains(Personality.MOTHER_FIGURE);
        assertThat(Personality.fromWireName("concise")).contains(Personality.CONCISE);
        assertThat(java.util.Arrays.stream(Personality.values()).map(Personality::systemInstruction).distinct())
                .hasSize(Personality.values().length);
        assertThat(Personality.MOTHER_FIGURE.systemInstruction()).contains("mother");
    }

    @Test
    void shouldUseTheDefaultWhenNoneIsGiven() {
        assertThat(Personality.fromWireName(null)).contains(Personality.DEFAULT);
        assertThat(Personality.fromWireName(" ")).contains(Personality.DEFAULT);
    }

    @Test
    void shouldRejectAnUnknownNameListingTheAllowedValues() {
        assertThat(Personality.fromWireName("pirate")).isEmpty();
        assertThat(Personality.fromWireName("DEFAULT")).isEmpty();
        assertThat(Personality.unknownMessage("pirate")).isEqualTo(
                "Unknown personality 'pirate'. Allowed values: default, mother_figure, professional, friendly, concise");
    }
}
