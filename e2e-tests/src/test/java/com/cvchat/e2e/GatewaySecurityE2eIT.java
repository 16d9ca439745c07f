package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.HostileTokens;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile tokens against the running stack, built with auth-service's real signing key (read from its data folder)
 * so that each token has exactly one flaw: refused with the spec's 401 at the gateway and directly at the services.
 */
class GatewaySecurityE2eIT {

    private static final String SPEC_401 = "{\"error\":\"Invalid or expired token\"}";
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder().timeout(E2eStack.CALL_TIMEOUT)
                .uri(URI.create(url)).header("Authorization", "Bearer " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static RSAKey authSigningKey() throws Exception {
        E2eUsers.newUser();
        Path keys = E2eStack.get().config().dataDir().resolve("auth").resolve("keys");
        try (Stream<Path> files = Files.list(keys)) {
            return RSAKey.parse(Files.readString(files.filter(f -> f.toString().endsWith(".json")).findFirst().orElseThrow()));
        }
    }

    @Test
    void shouldRefuseHostileTokensAtTheGatewayAndAtEachService() throws Exception {
        RSAKey key = authSigningKey();
        String userId = UUID.randomUUID().toString();
        Map<String, String> targets = Map.of(
                "gateway → chat", E2eStack.api() + "/chats",
                "gateway → cv-builder", E2eStack.api() + "/chat/sessions",
                "gateway → auth", E2eStack.api() + "/auth/me",
                "chat-service directly", E2eStack.url(ServiceSpec.CHAT) + "/api/v1/chats",
                "cv-builder-service directly", E2eStack.url(ServiceSpec.CV_BUILDER) + "/api/v1/chat/sessions",
                "auth-service directly", E2eStack.url(ServiceSpec.AUTH) + "/api/v1/auth/me");
        for (Map.Entry<String, String> target : targets.entrySet()) {
            for (Map.Entry<String, String> hostile : HostileTokens.forUser(key, userId).entrySet()) {
                HttpResponse<String> response = get(target.getValue(), hostile.getValue());
                assertThat(response.statusCode()).as(target.getKey() + ": " + hostile.getKey()).isEqualTo(401);
                assertThat(response.body()).as(target.getKey() + ": " + hostile.getKey()).isEqualTo(SPEC_401);
            }
            assertThat(get(target.getValue(), HostileTokens.valid(key, userId)).statusCode())
                    .as(target.getKey() + ": the same key and claims without the flaw pass the token check")
                    .isNotEqualTo(401);
        }
    }

    @Test
    void shouldCarryARequestIdThroughTheGateway() throws Exception {
        E2eUsers.User user = E2eUsers.newUser();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder().timeout(E2eStack.CALL_TIMEOUT)
                .uri(URI.create(E2eStack.api() + "/auth/me"))
                .header("Authorization", user.bearer()).header("X-Request-Id", "e2e-trace-7").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Request-Id")).contains("e2e-trace-7");
    }
}
