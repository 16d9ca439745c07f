package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.HostileTokens;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import com.nimbusds.jose.jwk.RSAKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * OWASP API2, beside {@link GatewaySecurityE2eIT}: the hostile tokens at the voice WebSocket (through the gateway and
 * directly at voice-service), and a valid token in the wrong place — {@code ?token=} / {@code ?access_token=} on a
 * path that is not the voice WebSocket, a cookie, a form field — at the gateway and directly at every service.
 */
class JwtAttacksE2eIT {

    private static final String SPEC_401 = "{\"error\":\"Invalid or expired token\"}";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static RSAKey key;
    private static String valid;
    private static String userId;

    @BeforeAll
    static void realSigningKey() throws Exception {
        key = GatewaySecurityE2eIT.authSigningKey();
        userId = UUID.randomUUID().toString();
        valid = HostileTokens.valid(key, userId);
    }

    private static Map<String, String> apis() {
        Map<String, String> apis = new LinkedHashMap<>();
        apis.put("gateway → chat", E2eStack.api() + "/chats");
        apis.put("gateway → cv-builder", E2eStack.api() + "/documents");
        apis.put("gateway → auth", E2eStack.api() + "/auth/me");
        apis.put("chat-service directly", E2eStack.url(ServiceSpec.CHAT) + "/api/v1/chats");
        apis.put("cv-builder-service directly", E2eStack.url(ServiceSpec.CV_BUILDER) + "/api/v1/documents");
        apis.put("auth-service directly", E2eStack.url(ServiceSpec.AUTH) + "/api/v1/auth/me");
        return apis;
    }

    @Test
    void shouldRefuseAValidTokenInTheWrongPlace() throws Exception {
        for (Map.Entry<String, String> api : apis().entrySet()) {
            ApiClient anonymous = E2eUsers.gateway().withTimeout(Duration.ofSeconds(30));
            String url = api.getValue();
            Map<String, Supplier<ApiResponse>> misplaced = new LinkedHashMap<>();
            misplaced.put("?token=", () -> anonymous.get(url + "?token=" + valid));
            misplaced.put("?access_token=", () -> anonymous.get(url + "?access_token=" + valid));
            misplaced.put("cookie token", () -> anonymous.get(url, "Cookie", "token=" + valid));
            misplaced.put("cookie access_token", () -> anonymous.get(url, "Cookie", "access_token=" + valid));
            misplaced.put("cookie Authorization", () -> anonymous.get(url, "Cookie", "Authorization=Bearer%20" + valid));
            misplaced.put("form field access_token", () -> anonymous.post(url, "access_token=" + valid,
                    "Content-Type", "application/x-www-form-urlencoded"));
            misplaced.put("X-Access-Token header", () -> anonymous.get(url, "X-Access-Token", valid));
            for (Map.Entry<String, Supplier<ApiResponse>> place : misplaced.entrySet()) {
                ApiResponse response = place.getValue().get();
                assertThat(response.status()).as(api.getKey() + ": " + place.getKey()).isEqualTo(401);
                assertThat(response.body()).as(api.getKey() + ": " + place.getKey()).isEqualTo(SPEC_401);
            }
            ApiResponse control = anonymous.withToken(valid).get(url);
            assertThat(control.status()).as(api.getKey() + ": the same token as a bearer header").isNotEqualTo(401);
        }
    }

    @Test
    void shouldRefuseHostileTokensAtTheVoiceWebSocketThroughTheGatewayAndDirectly() {
        Map<String, String> sockets = Map.of(
                "gateway → voice", E2eStack.url(ServiceSpec.GATEWAY).replaceFirst("^http", "ws"),
                "voice-service directly", E2eStack.url(ServiceSpec.VOICE).replaceFirst("^http", "ws"));
        for (Map.Entry<String, String> socket : sockets.entrySet()) {
            String base = socket.getValue() + "/api/v1/chats/ws/voice/" + UUID.randomUUID();
            for (Map.Entry<String, String> hostile : HostileTokens.forUser(key, userId).entrySet()) {
                assertRefused(socket.getKey() + ": " + hostile.getKey(), base + "?token="
                        + URLEncoder.encode(hostile.getValue(), StandardCharsets.UTF_8), Map.of());
            }
            assertRefused(socket.getKey() + ": no token", base, Map.of());
            assertRefused(socket.getKey() + ": token in a cookie", base, Map.of("Cookie", "token=" + valid));
        }
    }

    /** The upgrade is refused with 401 before any socket opens. */
    private static void assertRefused(String context, String url, Map<String, String> headers) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        headers.forEach(builder::header);
        try {
            WebSocket opened = builder.buildAsync(URI.create(url), new WebSocket.Listener() { }).join();
            opened.abort();
            fail(context + ": the socket opened");
        } catch (CompletionException e) {
            assertThat(e.getCause()).as(context).isInstanceOf(WebSocketHandshakeException.class);
            // (the JDK client keeps no body of a refused handshake; GatewayEdgeIT checks the body at the gateway)
            assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).as(context)
                    .isEqualTo(401);
        }
    }
}
