package com.cvchat.e2e.security;

import com.cvchat.e2e.E2eStack;
import com.cvchat.e2e.E2eUsers;
import com.cvchat.platform.test.sse.SseClient;
import com.cvchat.platform.test.sse.SseEvent;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A user with one of everything an id can point at, made through the gateway: a conversation with one answered
 * message, a CV-builder session and an imported CV document (with a second version).
 */
record UserData(E2eUsers.User user, String chatId, String messageId, String sessionId, String documentId) {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    static UserData create(String secretWord) {
        return create(E2eUsers.newUser(), secretWord);
    }

    static UserData create(E2eUsers.User user, String secretWord) {
        String chatId = call(user, "POST", "/chats", null, 201).path("data").path("id").asString();
        String messageId;
        try (SseClient stream = SseClient.post(E2eStack.api() + "/chats/" + chatId + "/message", user.bearer(),
                JSON.createObjectNode().put("message", "My secret word is " + secretWord).toString(), Map.of())) {
            List<SseEvent> events = stream.rest(TIMEOUT);
            if (stream.status() != 200 || events.isEmpty() || !"done".equals(events.getLast().type())) {
                throw new IllegalStateException("chat turn failed: " + stream.status() + " " + stream.errorBody());
            }
            messageId = events.getFirst().json().path("message_id").asString();
        }
        String sessionId = call(user, "POST", "/chat/start", JSON.createObjectNode()
                .put("initial_message", "Hi, I am " + secretWord + " Example, a data scientist").put("doc_type", "cv")
                .toString(), 201).path("session_id").asString();
        String documentId = call(user, "POST", "/documents/import", "{\"basics\":{\"name\":\"" + secretWord
                + " Example\",\"summary\":\"Secret " + secretWord + "\"}}", 201).path("document").path("id").asString();
        call(user, "PATCH", "/documents/" + documentId, "{\"title\":\"" + secretWord + " CV\"}", 200);
        return new UserData(user, chatId, messageId, sessionId, documentId);
    }

    /** Calls the API through the gateway as {@code user}; fails unless the status is {@code expected}. */
    static JsonNode call(E2eUsers.User user, String method, String path, String json, int expected) {
        HttpResponse<String> response = send(user, method, path, json);
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    static HttpResponse<String> send(E2eUsers.User user, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(E2eStack.api() + path)).timeout(TIMEOUT)
                .header("Authorization", user.bearer())
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
