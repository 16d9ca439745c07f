package com.cvchat.chat.support;

import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.sse.SseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

/** A user of one chat-service instance, over real HTTP: the calls of ai-chat-api.md with a token of its own. */
public final class ChatApi {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final String userId;
    private final String bearer;

    private ChatApi(String base, String userId) {
        this.base = base;
        this.userId = userId;
        this.bearer = "Bearer " + TestInfrastructure.issuer().token(userId);
    }

    /** A fresh user talking to the instance on {@code port}. */
    public static ChatApi newUser(int port) {
        return new ChatApi("http://localhost:" + port + "/api/v1/chats", UUID.randomUUID().toString());
    }

    /** The same user talking to another instance. */
    public ChatApi on(int port) {
        return new ChatApi("http://localhost:" + port + "/api/v1/chats", userId);
    }

    public String userId() {
        return userId;
    }

    public String bearer() {
        return bearer;
    }

    public String base() {
        return base;
    }

    /** POST /chats; returns the new conversation id. */
    public String createChat() {
        Response created = call("POST", "", null);
        if (created.status() != 201) {
            throw new IllegalStateException("create answered " + created.status() + ": " + created.body());
        }
        return created.json().path("data").path("id").asString();
    }

    public SseClient send(String chatId, String message, String personality) {
        var body = JSON.createObjectNode().put("message", message);
        if (personality != null) {
            body.put("personality", personality);
        }
        return SseClient.post(base + "/" + chatId + "/message", bearer, JSON.writeValueAsString(body), Map.of());
    }

    /** Sends {@code message} with extra request headers (a W3C {@code traceparent}, say). */
    public SseClient sendWithHeaders(String chatId, String message, Map<String, String> headers) {
        String body = JSON.writeValueAsString(JSON.createObjectNode().put("message", message));
        return SseClient.post(base + "/" + chatId + "/message", bearer, body, headers);
    }

    public SseClient resume(String chatId, String messageId, String lastEventId) {
        return SseClient.get(base + "/" + chatId + "/messages/" + messageId + "/stream", bearer,
                lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId));
    }

    public Response call(String method, String path, String jsonBody) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", bearer)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode conversation(String chatId) {
        Response response = call("GET", "/" + chatId + "?per_page=100", null);
        if (response.status() != 200) {
            throw new IllegalStateException("GET answered " + response.status() + ": " + response.body());
        }
        return response.json().path("data");
    }

    public record Response(int status, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
