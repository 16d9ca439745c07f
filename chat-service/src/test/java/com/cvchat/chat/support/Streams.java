package com.cvchat.chat.support;

import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;

import java.time.Duration;
import java.util.List;

/** Reading answers out of SSE events in tests. */
public final class Streams {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private Streams() {
    }

    /** Every event of {@code client} until the server ends the stream; then hangs up. */
    public static List<SseEvent> all(SseClient client) {
        try (client) {
            return client.rest(WAIT);
        }
    }

    /** The index part of the ids of the {@code chunk} events ({@code <message_id>:<index>}). */
    public static List<Integer> chunkIndexes(List<SseEvent> events) {
        return events.stream().filter(e -> e.type().equals("chunk"))
                .map(e -> Integer.parseInt(e.id().substring(e.id().lastIndexOf(':') + 1))).toList();
    }
}
