package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's whole account life through the gateway, on the running stack. */
class AuthFlowE2eIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    private record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    }

    private Reply call(String method, String path, Object body, String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(E2eStack.CALL_TIMEOUT)
                .uri(URI.create(E2eStack.api() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().startsWith("{") ? JSON.readTree(response.body()) : JSON.createObjectNode();
        return new Reply(response.statusCode(), json, response);
    }

    @Test
    void shouldRegisterLoginRefreshAndLogOutThroughTheGateway() throws Exception {
        // Given a user who registered and logged in through the gateway
        E2eUsers.User user = E2eUsers.newUser();
        Reply me = call("GET", "/auth/me", null, user.accessToken());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("email").asString()).isEqualTo(user.email());

        // When she refreshes, Then the token rotates and a reuse of the old one revokes the family
        Reply refreshed = call("POST", "/auth/refresh", Map.of("refresh_token", user.refreshToken()), null);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.body().path("token_type").asString()).isEqualTo("bearer");
        String newRefresh = refreshed.body().path("refresh_token").asString();

        assertThat(call("POST", "/auth/refresh", Map.of("refresh_token", user.refreshToken()), null).status())
                .as("the rotated token is dead").isEqualTo(401);
        assertThat(call("POST", "/auth/refresh", Map.of("refresh_token", newRefresh), null).status())
                .as("its reuse revoked the whole family").isEqualTo(401);

        // When she logs in again and logs out, Then that refresh token is dead
        E2eUsers.User again = E2eUsers.login(user.email(), user.password());
        assertThat(call("POST", "/auth/logout", Map.of("refresh_token", again.refreshToken()), null).status()).isEqualTo(204);
        Reply afterLogout = call("POST", "/auth/refresh", Map.of("refresh_token", again.refreshToken()), null);
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.body().path("error").asString()).isEqualTo("Invalid or expired refresh token");
    }

    @Test
    void shouldThrottleBruteForceLoginWithRetryAfter() throws Exception {
        E2eUsers.User user = E2eUsers.newUser();
        Reply last = null;
        for (int i = 0; i < 6; i++) {
            last = call("POST", "/auth/login", Map.of("email", user.email(), "password", "guess-" + i + "-xyz"), null);
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(401);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.raw().headers().firstValue("Retry-After")).isPresent();
        assertThat(call("POST", "/auth/login", Map.of("email", user.email(), "password", user.password()), null).status())
                .as("even the right password waits until the block ends").isEqualTo(429);
    }

    @Test
    void shouldStoreTheGeminiKeyWithoutEverShowingItAndKeepTheLookupInternal() throws Exception {
        E2eUsers.User user = E2eUsers.newUser();
        String apiKey = "AIzaSy" + UUID.randomUUID().toString().replace("-", "") + "E2e";
        assertThat(call("PUT", "/auth/me/gemini-api-key", Map.of("api_key", apiKey), user.accessToken()).status())
                .isEqualTo(200);
        Reply status = call("GET", "/auth/me/gemini-api-key", null, user.accessToken());
        assertThat(status.body().path("is_set").asBoolean()).isTrue();
        assertThat(status.raw().body()).doesNotContain(apiKey);

        String userId = call("GET", "/auth/me", null, user.accessToken()).body().path("id").asString();
        String internal = "/internal/v1/users/" + userId + "/gemini-api-key";
        HttpResponse<String> viaGateway = http.send(HttpRequest.newBuilder().timeout(E2eStack.CALL_TIMEOUT)
                .uri(URI.create(E2eStack.url(ServiceSpec.GATEWAY) + internal))
                .header("Authorization", user.bearer()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(viaGateway.statusCode()).isEqualTo(404);
        assertThat(viaGateway.body()).doesNotContain(apiKey);
        HttpResponse<String> directWithUserToken = http.send(HttpRequest.newBuilder().timeout(E2eStack.CALL_TIMEOUT)
                .uri(URI.create(E2eStack.url(ServiceSpec.AUTH) + internal))
                .header("Authorization", user.bearer()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(directWithUserToken.statusCode()).isEqualTo(401);

        assertThat(logLinesContaining(apiKey)).as("no service log holds the key").isEmpty();
    }

    private static List<String> logLinesContaining(String secret) throws IOException {
        Path logs = E2eStack.get().config().dataDir().resolve("logs");
        assertThat(logs).isDirectory();
        try (Stream<Path> files = Files.list(logs)) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).as("service logs exist").isNotEmpty();
            return all.stream().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream().filter(l -> l.contains(secret)).map(l -> f + ": " + l);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
