package com.cvchat.chat.stream;

import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.sse.SseLines;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

/**
 * One SSE stream over a real socket, its lines kept as they arrive, comments (heartbeats) included ({@link SseLines}:
 * many can be open at once on the JDK's non-blocking HTTP client).
 */
final class RawSseStream extends SseLines {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    final String prompt;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private RawSseStream(String prompt) {
        this.prompt = prompt;
    }

    /** Asks {@code prompt} in a new conversation of {@code user}, the answer held on this class's own HTTP client. */
    static RawSseStream send(ApiClient user, String prompt) {
        String chat = user.createChat();
        RawSseStream stream = new RawSseStream(prompt);
        stream.open(HTTP, user.request("POST", "/chats/" + chat + "/message", ApiClient.body().put("message", prompt),
                "Accept", "text/event-stream").build());
        return stream;
    }

    @Override
    protected void onLine(String line) {
        lines.add(line);
    }

    int status() {
        return response().join().statusCode();
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    int indexOfFirst(String text) {
        List<String> all = lines();
        return IntStream.range(0, all.size()).filter(i -> all.get(i).startsWith("data:")
                && all.get(i).contains(text)).findFirst().orElse(-1);
    }

    List<JsonNode> events() {
        return lines().stream().filter(l -> l.startsWith("data: ")).map(l -> JSON.readTree(l.substring(6))).toList();
    }

    List<String> ids() {
        return lines().stream().filter(l -> l.startsWith("id: ")).map(l -> l.substring(4)).toList();
    }

    String chunkText() {
        return String.join("", events().stream().filter(e -> e.path("type").asString().equals("chunk"))
                .map(e -> e.path("content").asString()).toList());
    }
}
