package com.cvchat.reliability;

import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One logged-in user talking to the chat API like a client. Every call has a timeout: a request the system leaves
 * unanswered fails the test instead of blocking it.
 */
final class Client {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final String api;
    private final String bearer;
    final String userId;

    private Client(String api, String bearer, String userId) {
        this.api = api;
        this.bearer = bearer;
        this.userId = userId;
    }

    /** Registers a fresh user through the gateway and logs in. */
    static Client newUser(String api) {
        String email = "reliability-" + UUID.randomUUID() + "@example.com";
        String password = "Correct-Horse-" + UUID.randomUUID();
        String credentials = JSON.createObjectNode().put("email", email).put("password", password).toString();
        Response registered = send(HttpRequest.newBuilder(URI.create(api + "/auth/register")),
                "POST", JSON.createObjectNode().put("email", email).put("password", password)
                        .put("full_name", "Reliability Test").toString());
        if (registered.status() != 201) {
            throw new IllegalStateException("register answered " + registered.status() + ": " + registered.body());
        }
        Response login = send(HttpRequest.newBuilder(URI.create(api + "/auth/login")), "POST", credentials);
        if (login.status() != 200) {
            throw new IllegalStateException("login answered " + login.status() + ": " + login.body());
        }
        String bearer = "Bearer " + login.json().path("access_token").asString();
        Client client = new Client(api, bearer, null);
        return new Client(api, bearer, client.call("GET", "/auth/me", null).json().path("id").asString());
    }

    Response call(String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", bearer), method, json);
    }

    /** A new conversation's id. */
    String createChat() {
        Response created = call("POST", "/chats", null);
        if (created.status() != 201) {
            throw new IllegalStateException("POST /chats answered " + created.status() + ": " + created.body());
        }
        return created.json().path("data").path("id").asString();
    }

    /** The stored messages of a conversation (oldest first). */
    JsonNode messages(String chat) {
        Response response = call("GET", "/chats/" + chat + "?per_page=100", null);
        if (response.status() != 200) {
            throw new IllegalStateException("GET /chats/" + chat + " answered " + response.status() + ": " + response.body());
        }
        return response.json().path("data").path("messages");
    }

    /** Sends a message and opens its answer stream, at {@code base} (the gateway's API, or one instance's). */
    SseClient send(String base, String chat, String message) {
        return SseClient.post(base + "/chats/" + chat + "/message", bearer,
                JSON.createObjectNode().put("message", message).toString(), Map.of());
    }

    SseClient send(String chat, String message) {
        return send(api, chat, message);
    }

    /** Resumes an answer after the event with id {@code lastEventId}, at {@code base}. */
    SseClient resume(String base, String chat, String messageId, String lastEventId) {
        return SseClient.get(base + "/chats/" + chat + "/messages/" + messageId + "/stream", bearer,
                Map.of("Last-Event-ID", lastEventId));
    }

    static String chunkText(List<SseEvent> events) {
        return events.stream().filter(e -> "chunk".equals(e.type()))
                .map(e -> e.json().path("content").asString()).collect(Collectors.joining());
    }

    private static Response send(HttpRequest.Builder builder, String method, String json) {
        builder.timeout(CALL_TIMEOUT).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
