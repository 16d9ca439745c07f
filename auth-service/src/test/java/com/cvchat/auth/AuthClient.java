package com.cvchat.auth;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** A plain HTTP client of auth-service for tests: JSON in, status + JSON out. */
final class AuthClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    AuthClient(int port) {
        this.base = "http://localhost:" + port;
    }

    record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        String text(String field) {
            return body.path(field).asString();
        }
    }

    Reply post(String path, Map<String, ?> body, String... headers) {
        return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply put(String path, Map<String, ?> body, String... headers) {
        return send(request(path, headers).PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    Reply delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    Reply register(String email, String password) {
        return post("/api/v1/auth/register", Map.of("email", email, "password", password, "full_name", "Ada Lovelace"));
    }

    Reply login(String email, String password, String... headers) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password), headers);
    }

    Reply refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refresh_token", refreshToken));
    }

    static String[] bearer(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            builder.headers(headers);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean json = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = json && !response.body().isEmpty() ? JSON.readTree(response.body()) : JSON.createObjectNode();
            return new Reply(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
