package com.cvchat.reliability;

import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One answer as the client saw it (possibly over two connections), and what the API stored for it. */
final class Answers {

    /** Longest silence tolerated inside a stream; a longer one counts as a hang and fails the scenario. */
    static final Duration SILENCE = Duration.ofSeconds(45);

    private Answers() {
    }

    /** The events until the stream ends; fails when the stream stays silent for {@link #SILENCE} without ending. */
    static List<SseEvent> rest(SseClient stream) {
        List<SseEvent> events = stream.rest(SILENCE);
        if (!stream.ended()) {
            throw new AssertionError("the stream hung: no event and no end for " + SILENCE.toSeconds() + " s");
        }
        return events;
    }

    /** The first {@code n} events (fewer when the stream ends before). */
    static List<SseEvent> first(SseClient stream, int n) {
        List<SseEvent> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SseEvent event = stream.next(SILENCE);
            if (event == null) {
                break;
            }
            events.add(event);
        }
        return events;
    }

    static boolean done(List<SseEvent> events) {
        return !events.isEmpty() && "done".equals(events.getLast().type());
    }

    static boolean error(List<SseEvent> events) {
        return !events.isEmpty() && "error".equals(events.getLast().type());
    }

    /** The number of stored AI messages of a conversation. */
    static long aiMessages(JsonNode messages) {
        long count = 0;
        for (JsonNode message : messages) {
            if ("ai".equals(message.path("sender").asString())) {
                count++;
            }
        }
        return count;
    }

    static String lastAiText(JsonNode messages) {
        String text = null;
        for (JsonNode message : messages) {
            if ("ai".equals(message.path("sender").asString())) {
                text = message.path("message").asString();
            }
        }
        return text;
    }
}
