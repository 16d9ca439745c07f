package com.cvchat.gateway;

import com.cvchat.platform.test.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies without a {@code Content-Length} (chunked) on every route: over the limit → 413 {@code {"error"}} from the
 * gateway and the service never receives more than the limit; under it → passed on whole. WebSocket messages are
 * bounded per frame.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gateway.max-request-size=64KB")
class GatewayBodyLimitIT {

    private static final StubBackend BACKEND = new StubBackend();
    private static final long LIMIT = 64 * 1024;
    /** One path per route of application.yml. */
    private static final List<String> ROUTES = List.of("/api/v1/auth/upload", "/api/v1/chat/upload",
            "/api/v1/documents/upload", "/api/v1/chats/upload", "/api/v1/audit/upload", "/api/v1/chats/ws/upload");

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gateway");
        for (String service : List.of("AUTH", "CHAT", "CV_BUILDER", "VOICE")) {
            registry.add(service + "_SERVICE_URL", BACKEND::url);
        }
    }

    @AfterAll
    static void stop() {
        BACKEND.close();
    }

    @Test
    void shouldRefuseAChunkedBodyOverTheLimitOnEveryRouteBeforeTheServiceReadsPastIt() throws Exception {
        for (String path : ROUTES) {
            HttpResponse<String> response = postChunked(path, 1024 * 1024);
            assertThat(response.statusCode()).as(path).isEqualTo(413);
            assertThat(response.body()).as(path).isEqualTo("{\"error\":\"Request body is too large (limit 64 KB)\"}");
            long received = BACKEND.bodyBytes.containsKey(path) ? BACKEND.bodyBytes.get(path).get() : 0;
            assertThat(received).as("%s: bytes that reached the service", path).isLessThanOrEqualTo(LIMIT);
            System.out.printf("Chunked 1 MiB to %s: 413 at the gateway, %d bytes reached the service%n", path, received);
        }
    }

    @Test
    void shouldPassAChunkedBodyUnderTheLimitWhole() throws Exception {
        for (String path : ROUTES) {
            String under = path.replace("/upload", "/under/upload");
            HttpResponse<String> response = postChunked(under, (int) LIMIT - 100);
            assertThat(response.statusCode()).as(under).isEqualTo(200);
            assertThat(response.body()).as(under).isEqualTo("{\"received\":" + (LIMIT - 100) + "}");
        }
    }

    @Test
    void shouldCloseAWebSocketWhoseMessageIsOverTheFrameLimit() throws Exception {
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        List<String> echoed = new java.util.concurrent.CopyOnWriteArrayList<>();
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/api/v1/chats/ws/voice/" + UUID.randomUUID()
                        + "?token=" + TestInfrastructure.issuer().token(UUID.randomUUID().toString())),
                        new WebSocket.Listener() {
                            @Override
                            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                                echoed.add(data.toString());
                                webSocket.request(1);
                                return null;
                            }

                            @Override
                            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                                closed.complete(statusCode);
                                return null;
                            }

                            @Override
                            public void onError(WebSocket webSocket, Throwable error) {
                                closed.complete(-1);
                            }
                        })
                .get(10, TimeUnit.SECONDS);
        socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> echoed.contains("echo:hello"));

        socket.sendText("x".repeat(600 * 1024), true);
        Integer status = closed.get(10, TimeUnit.SECONDS);
        assertThat(echoed).as("the 600 KiB message never reached the service (socket closed with %s)", status)
                .containsExactly("echo:hello");
    }

    private HttpResponse<String> postChunked(String path, int bytes) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + TestInfrastructure.issuer().token(UUID.randomUUID().toString()))
                .header("Content-Type", "application/json")
                // a supplier of a stream of unknown length: sent with Transfer-Encoding: chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(bytes)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static InputStream body(int bytes) {
        return new InputStream() {
            private int left = bytes;

            @Override
            public int read() {
                return left-- > 0 ? 'a' : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
                left -= n;
                return n;
            }
        };
    }
}
