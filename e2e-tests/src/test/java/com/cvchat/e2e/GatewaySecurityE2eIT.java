package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.HostileTokens;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.Test;

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

    private static ApiResponse get(String url, String token) {
        return E2eUsers.gateway().withToken(token).get(url);
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
                ApiResponse response = get(target.getValue(), hostile.getValue());
                assertThat(response.status()).as(target.getKey() + ": " + hostile.getKey()).isEqualTo(401);
                assertThat(response.body()).as(target.getKey() + ": " + hostile.getKey()).isEqualTo(SPEC_401);
            }
            assertThat(get(target.getValue(), HostileTokens.valid(key, userId)).status())
                    .as(target.getKey() + ": the same key and claims without the flaw pass the token check")
                    .isNotEqualTo(401);
        }
    }

    @Test
    void shouldCarryARequestIdThroughTheGateway() throws Exception {
        ApiClient.Account user = E2eUsers.newUser();
        ApiResponse response = E2eUsers.as(user).get("/auth/me", "X-Request-Id", "e2e-trace-7");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().allValues("X-Request-Id")).contains("e2e-trace-7");
    }
}
