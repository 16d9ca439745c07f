package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A client's whole account life through the gateway, on the running stack. */
class AuthFlowE2eIT {

    private final ApiClient gateway = E2eUsers.gateway();

    @Test
    void shouldRegisterLoginRefreshAndLogOutThroughTheGateway() throws Exception {
        // Given a user who registered and logged in through the gateway
        ApiClient.Account user = E2eUsers.newUser();
        ApiResponse me = gateway.withToken(user.accessToken()).get("/auth/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(user.email());

        // When she refreshes, Then the token rotates and a reuse of the old one revokes the family
        ApiResponse refreshed = gateway.post("/auth/refresh", Map.of("refresh_token", user.refreshToken()));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().path("token_type").asString()).isEqualTo("bearer");
        String newRefresh = refreshed.json().path("refresh_token").asString();

        assertThat(gateway.post("/auth/refresh", Map.of("refresh_token", user.refreshToken())).status())
                .as("the rotated token is dead").isEqualTo(401);
        assertThat(gateway.post("/auth/refresh", Map.of("refresh_token", newRefresh)).status())
                .as("its reuse revoked the whole family").isEqualTo(401);

        // When she logs in again and logs out, Then that refresh token is dead
        ApiClient.Account again = E2eUsers.login(user.email(), user.password());
        assertThat(gateway.post("/auth/logout", Map.of("refresh_token", again.refreshToken())).status()).isEqualTo(204);
        ApiResponse afterLogout = gateway.post("/auth/refresh", Map.of("refresh_token", again.refreshToken()));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(afterLogout.json().path("error").asString()).isEqualTo("Invalid or expired refresh token");
    }

    @Test
    void shouldThrottleBruteForceLoginWithRetryAfter() throws Exception {
        ApiClient.Account user = E2eUsers.newUser();
        ApiResponse last = null;
        for (int i = 0; i < 6; i++) {
            last = gateway.post("/auth/login", Map.of("email", user.email(), "password", "guess-" + i + "-xyz"));
            if (last.status() == 429) {
                break;
            }
            assertThat(last.status()).isEqualTo(401);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.headers().firstValue("Retry-After")).isPresent();
        assertThat(gateway.post("/auth/login", Map.of("email", user.email(), "password", user.password())).status())
                .as("even the right password waits until the block ends").isEqualTo(429);
    }

    @Test
    void shouldStoreTheGeminiKeyWithoutEverShowingItAndKeepTheLookupInternal() throws Exception {
        ApiClient.Account user = E2eUsers.newUser();
        String apiKey = "AIzaSy" + UUID.randomUUID().toString().replace("-", "") + "E2e";
        assertThat(gateway.withToken(user.accessToken()).put("/auth/me/gemini-api-key", Map.of("api_key", apiKey))
                .status())
                .isEqualTo(200);
        ApiResponse status = gateway.withToken(user.accessToken()).get("/auth/me/gemini-api-key");
        assertThat(status.json().path("is_set").asBoolean()).isTrue();
        assertThat(status.body()).doesNotContain(apiKey);

        String userId = gateway.withToken(user.accessToken()).get("/auth/me").json().path("id").asString();
        String internal = "/internal/v1/users/" + userId + "/gemini-api-key";
        ApiResponse viaGateway = E2eUsers.as(user).get(E2eStack.url(ServiceSpec.GATEWAY) + internal);
        assertThat(viaGateway.status()).isEqualTo(404);
        assertThat(viaGateway.body()).doesNotContain(apiKey);
        ApiResponse directWithUserToken = E2eUsers.as(user).get(E2eStack.url(ServiceSpec.AUTH) + internal);
        assertThat(directWithUserToken.status()).isEqualTo(401);

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
