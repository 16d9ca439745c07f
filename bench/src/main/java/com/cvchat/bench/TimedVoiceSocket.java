package com.cvchat.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A voice WebSocket client that notes when each message arrived ({@link System#nanoTime}). */
final class TimedVoiceSocket implements WebSocket.Listener, AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Message(long nanos, String type, String text) {
    }

    private final List<Message> received = new CopyOnWriteArrayList<>();
    private final StringBuilder frame = new StringBuilder();
    private final WebSocket socket;

    TimedVoiceSocket(HttpClient http, String url) {
        socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), this).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        long now = System.nanoTime();
        frame.append(data);
        if (last) {
            JsonNode message = JSON.readTree(frame.toString());
            frame.setLength(0);
            received.add(new Message(now, message.path("type").asString(), message.path("text").asString("")));
        }
        webSocket.request(1);
        return null;
    }

    void send(String type) {
        socket.sendText("{\"type\":\"" + type + "\"}", true).join();
    }

    void audio(byte[] pcm) {
        socket.sendText("{\"type\":\"audio_chunk\",\"data\":\"" + Base64.getEncoder().encodeToString(pcm) + "\"}", true)
                .join();
    }

    List<Message> received() {
        return List.copyOf(received);
    }

    /** The first message of {@code type} that arrived after {@code since}, or null. */
    Message first(String type, long since) {
        return received.stream().filter(m -> m.type().equals(type) && m.nanos() >= since).findFirst().orElse(null);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(error -> null);
    }
}
