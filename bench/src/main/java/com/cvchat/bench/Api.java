package com.cvchat.bench;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** The few REST calls the benchmarks make (a new user, a new conversation), every one with a timeout. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Api() {
    }

    /** Registers a new user through {@code api} (the gateway's {@code /api/v1}) and returns {@code Bearer <token>}. */
    static String newUserBearer(String api) {
        String email = "bench-" + UUID.randomUUID() + "@example.com";
        String password = "Bench-Password-" + UUID.randomUUID();
        post(api + "/auth/register", null, JSON.createObjectNode().put("email", email).put("password", password)
                .put("full_name", "Bench User").toString());
        JsonNode login = post(api + "/auth/login", null,
                JSON.createObjectNode().put("email", email).put("password", password).toString());
        return "Bearer " + login.path("access_token").asString();
    }

    static String createChat(String api, String bearer) {
        return post(api + "/chats", bearer, null).path("data").path("id").asString();
    }

    /** The JSON body of {@code POST /chats/{id}/message} with {@code message}. */
    static String messageBody(String message) {
        return JSON.createObjectNode().put("message", message).toString();
    }

    static JsonNode post(String url, String bearer, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** How many messages conversation {@code chat} has stored (the user's and the AI's). */
    static int storedMessages(String api, String bearer, String chat) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + "/chats/" + chat)).timeout(TIMEOUT)
                .header("Authorization", bearer).GET().build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /chats/" + chat + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body()).path("data").path("pagination").path("total_count").asInt();
    }

    /** The body of a GET, or null when it fails (metrics of a service that is gone). */
    static String get(String url) {
        try {
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
