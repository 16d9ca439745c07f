package com.cvchat.llmworker.apikey;

import com.cvchat.events.json.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Calls auth-service's {@code GET /internal/v1/users/{userId}/gemini-api-key} with the internal token: 200
 * {@code {"api_key": …}} → the key, 404 → the user has none. Anything else is a {@link LookupFailed}.
 */
class UserKeyClient {

    private static final Logger log = LoggerFactory.getLogger(UserKeyClient.class);

    private final AuthKeyProperties properties;
    private final HttpClient http;

    UserKeyClient(AuthKeyProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
    }

    Optional<String> lookup(String userId) {
        URI uri = URI.create(properties.url() + "/internal/v1/users/"
                + URLEncoder.encode(userId, StandardCharsets.UTF_8) + "/gemini-api-key");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(properties.timeout()).GET()
                .header("Accept", "application/json");
        if (properties.internalToken() != null && !properties.internalToken().isBlank()) {
            request.header("Authorization", "Bearer " + properties.internalToken());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new LookupFailed("auth-service unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailed("interrupted");
        }
        return switch (response.statusCode()) {
            case 200 -> apiKey(response.body());
            case 404 -> Optional.empty();
            default -> {
                log.warn("Gemini key lookup for a user answered HTTP {}", response.statusCode());
                throw new LookupFailed("auth-service answered HTTP " + response.statusCode());
            }
        };
    }

    private static Optional<String> apiKey(String body) {
        JsonNode key = EventJson.mapper().readTree(body).get("api_key");
        return key != null && key.isString() && !key.asString().isBlank() ? Optional.of(key.asString()) : Optional.empty();
    }

    /** The lookup could not tell whether the user has a key. */
    static class LookupFailed extends RuntimeException {
        LookupFailed(String message) {
            super(message);
        }
    }
}
