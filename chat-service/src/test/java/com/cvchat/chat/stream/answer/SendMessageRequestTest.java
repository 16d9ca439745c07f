package com.cvchat.chat.stream.answer;

import com.cvchat.rules.personality.Personality;
import com.cvchat.platform.web.ApiException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendMessageRequestTest {

    @Test
    void shouldReadTheMessageAndPersonalityDefaultingToDefault() {
        assertThat(SendMessageRequest.parse("{\"message\": \" hi \", \"personality\": \"friendly\"}", 10))
                .isEqualTo(new SendMessageRequest("hi", Personality.FRIENDLY));
        assertThat(SendMessageRequest.parse("{\"message\": \"hi\"}", 10).personality()).isEqualTo(Personality.DEFAULT);
    }

    @Test
    void shouldRejectBadBodiesWithTheRightStatus() {
        assertStatus("", HttpStatus.BAD_REQUEST);
        assertStatus("[1]", HttpStatus.BAD_REQUEST);
        assertStatus("{\"message\": null}", HttpStatus.BAD_REQUEST);
        assertStatus("{\"message\": \"hi\", \"personality\": 3}", HttpStatus.BAD_REQUEST);
        assertStatus("{\"message\": \"eleven char\"}", HttpStatus.CONTENT_TOO_LARGE);
    }

    private static void assertStatus(String body, HttpStatus status) {
        assertThatThrownBy(() -> SendMessageRequest.parse(body, 10)).as(body)
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(status));
    }
}
