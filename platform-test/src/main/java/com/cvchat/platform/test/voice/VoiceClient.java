package com.cvchat.platform.test.voice;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** A real WebSocket client (the JDK's) on the voice socket that keeps every message it receives. */
public final class VoiceClient implements WebSocket.Listener, AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<JsonNode> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partialFrame = new StringBuilder();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private WebSocket socket;

    public static VoiceClient connect(String url) {
        VoiceClient client = new VoiceClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), client).join();
        return client;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partialFrame.append(data);
        if (last) {
            received.add(JSON.readTree(partialFrame.toString()));
            partialFrame.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** One binary frame (the protocol only has text frames: hostile-input tests). */
    public void sendBinary(byte[] data) {
        socket.sendBinary(java.nio.ByteBuffer.wrap(data), true).join();
    }

    public void send(JsonNode message) {
        send(JSON.writeValueAsString(message));
    }

    public void sendType(String type) {
        send(JSON.createObjectNode().put("type", type));
    }

    public void startTalking() {
        sendType("start_talking");
    }

    public void audio(byte[] pcm) {
        send(JSON.createObjectNode().put("type", "audio_chunk").put("data", Base64.getEncoder().encodeToString(pcm)));
    }

    /** Sends the chunks as {@code audio_chunk}s, one every {@code interval} (a client streaming live audio). */
    public void stream(List<byte[]> chunks, Duration interval) {
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        try {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Iterator<byte[]> next = chunks.iterator();
            pacer.scheduleAtFixedRate(() -> {
                if (next.hasNext()) {
                    audio(next.next());
                } else {
                    done.complete(null);
                }
            }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            done.join();
        } finally {
            pacer.shutdownNow();
        }
    }

    public ObjectNode message(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    public List<JsonNode> received() {
        return List.copyOf(received);
    }

    public List<JsonNode> ofType(String type) {
        return received.stream().filter(m -> type.equals(m.path("type").asString())).toList();
    }

    /** Waits for the first message after index {@code from} matching {@code condition}; returns it. */
    public JsonNode awaitMessage(Predicate<JsonNode> condition, Duration timeout) {
        await().atMost(timeout).until(() -> received.stream().anyMatch(condition));
        return received.stream().filter(condition).findFirst().orElseThrow();
    }

    public JsonNode awaitType(String type, Duration timeout) {
        return awaitMessage(m -> type.equals(m.path("type").asString()), timeout);
    }

    public static Predicate<JsonNode> is(String type, String field, String value) {
        return m -> type.equals(m.path("type").asString()) && value.equals(m.path(field).asString());
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    public boolean isOpen() {
        return !socket.isInputClosed() && !socket.isOutputClosed();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }
}
