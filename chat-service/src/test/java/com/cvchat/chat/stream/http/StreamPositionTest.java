package com.cvchat.chat.stream.http;

import com.cvchat.platform.web.ApiException;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamPositionTest {

    private final String messageId = UUID.randomUUID().toString();

    @Test
    void shouldReadTheMessageAndTheIndexOfTheLastEvent() {
        assertThat(StreamPosition.parse(messageId + ":7")).isEqualTo(new StreamPosition(messageId, 7));
        assertThat(StreamPosition.parse(SseEvents.id(messageId, 0)).lastIndex()).isZero();
        assertThat(StreamPosition.parse(SseEvents.endId(messageId)).complete()).isTrue();
    }

    @Test
    void shouldRejectIdsThatAreNotOurs() {
        for (String bad : new String[]{"7", "nonsense:3", messageId + ":-1", messageId + ":x", messageId}) {
            assertThatThrownBy(() -> StreamPosition.parse(bad)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessage("Last-Event-ID is not an event id of this stream");
        }
    }
}
