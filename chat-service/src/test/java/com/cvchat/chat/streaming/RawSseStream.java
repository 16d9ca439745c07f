package com.cvchat.chat.streaming;

import com.cvchat.chat.support.ChatApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.stream.IntStream;

/**
 * One SSE stream over a real socket, read line by line as the lines arrive, comments (heartbeats) included. Many can
 * be open at once: the JDK's non-blocking HTTP client reads them all on one selector thread.
 */
final class RawSseStream implements Flow.Subscriber<String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    final String prompt;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<HttpResponse<Void>> response;
    private volatile Flow.Subscription subscription;
    private volatile boolean ended;

    private RawSseStream(String prompt) {
        this.prompt = prompt;
    }

    static RawSseStream send(ChatApi user, String prompt) {
        String chat = user.createChat();
        RawSseStream stream = new RawSseStream(prompt);
        HttpRequest request = HttpRequest.newBuilder(URI.create(user.base() + "/" + chat + "/message"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .header("Authorization", user.bearer())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("message", prompt).toString()))
                .build();
        stream.response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(stream));
        stream.response.whenComplete((r, e) -> stream.ended |= e != null);
        return stream;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        lines.add(line);
    }

    @Override
    public void onError(Throwable throwable) {
        ended = true;
    }

    @Override
    public void onComplete() {
        ended = true;
    }

    boolean ended() {
        return ended;
    }

    int status() {
        return response.join().statusCode();
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

    void hangUp() {
        subscription.cancel();
        response.cancel(true);
    }
}
