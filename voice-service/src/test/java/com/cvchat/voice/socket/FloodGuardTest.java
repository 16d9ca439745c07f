package com.cvchat.voice.socket;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FloodGuardTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void shouldAllowABurstThenTheSustainedRate() {
        FloodGuard guard = new FloodGuard(10, 20, 0);
        int allowed = 0;
        for (int i = 0; i < 30; i++) {
            allowed += guard.allow(0) ? 1 : 0;
        }
        assertThat(allowed).as("a burst at one instant").isEqualTo(20);
        assertThat(guard.allow(SECOND / 20)).as("half a token later").isFalse();
        assertThat(guard.allow(SECOND / 10 + SECOND / 20)).as("one token later").isTrue();
    }

    @Test
    void shouldNeverStoreMoreThanTheBurst() {
        FloodGuard guard = new FloodGuard(10, 5, 0);
        int allowed = 0;
        for (int i = 0; i < 10; i++) {
            allowed += guard.allow(3600 * SECOND) ? 1 : 0;
        }
        assertThat(allowed).isEqualTo(5);
    }
}
