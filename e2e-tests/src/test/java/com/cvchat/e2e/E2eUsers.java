package com.cvchat.e2e;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * Users for end-to-end tests, made the way a client makes them: register, then log in through the gateway
 * (cv-chat-api.md, Authentication).
 */
public final class E2eUsers {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A logged-in user. */
    public record User(String email, String password, String accessToken, String refreshToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private E2eUsers() {
    }

    /** Registers a fresh user and logs in. */
    public static User newUser() {
        String email = "user-" + UUID.randomUUID() + "@example.com";
        String password = "Correct-Horse-" + UUID.randomUUID();
        HttpResponse<String> registered = post("/auth/register",
                JSON.createObjectNode().put("email", email).put("password", password).put("full_name", "Test User"));
        if (registered.statusCode() != 201) {
            throw new IllegalStateException("register answered " + registered.statusCode() + ": " + registered.body());
        }
        return login(email, password);
    }

    public static User login(String email, String password) {
        HttpResponse<String> response = post("/auth/login",
                JSON.createObjectNode().put("email", email).put("password", password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login answered " + response.statusCode() + ": " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        return new User(email, password, body.path("access_token").asString(), body.path("refresh_token").asString());
    }

    private static HttpResponse<String> post(String path, JsonNode body) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(E2eStack.api() + path)).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
