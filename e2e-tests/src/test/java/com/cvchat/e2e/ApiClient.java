package com.cvchat.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The API through the gateway as one logged-in client sees it, with the CV builder's calls (cv-chat-api.md). */
final class ApiClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final E2eUsers.User user;

    ApiClient(E2eUsers.User user) {
        this.user = user;
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static ObjectNode body() {
        return JSON.createObjectNode();
    }

    Response start(String message, String docType) {
        return post("/chat/start", body().put("initial_message", message).put("doc_type", docType).toString());
    }

    Response message(String sessionId, String message) {
        return post("/chat/message", body().put("session_id", sessionId).put("message", message).toString());
    }

    Response finalizeSession(String sessionId, String json) {
        return post("/chat/session/" + sessionId + "/finalize", json);
    }

    Response get(String path) {
        return call("GET", path, null);
    }

    Response post(String path, String json) {
        return call("POST", path, json);
    }

    /** Any method; a JSON body when {@code json} is not null. */
    Response call(String method, String path, String json) {
        HttpRequest.Builder builder = request(path).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return send(builder);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(E2eStack.api() + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", user.bearer());
    }

    private static Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
