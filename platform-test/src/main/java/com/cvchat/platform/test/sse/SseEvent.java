package com.cvchat.platform.test.sse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One Server-Sent Event as a client receives it: its {@code id} (may be null), its {@code data}, and when it was
 * parsed ({@link System#nanoTime()}, for latency measurements).
 */
public record SseEvent(String id, String data, long receivedNanos) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(data);
    }

    /** The {@code type} field of the JSON data. */
    public String type() {
        return json().path("type").asString();
    }

    /** The answer text of a chat stream: the {@code content} of its {@code chunk} events, concatenated in order. */
    public static String chunkText(List<SseEvent> events) {
        return events.stream().filter(e -> "chunk".equals(e.type()))
                .map(e -> e.json().path("content").asString()).collect(Collectors.joining());
    }
}
