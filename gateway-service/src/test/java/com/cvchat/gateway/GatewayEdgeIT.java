package com.cvchat.gateway;

import com.cvchat.platform.test.HostileTokens;
import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.http.RawHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The gateway over real sockets in front of a stub backend: token check at the edge (hostile tokens never reach a
 * service), SSE passed through unbuffered, WebSocket proxied with {@code ?token=}, request ids, CORS, size limit,
 * {@code /internal/**} never routed, a down service answered with 503.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gateway.max-request-size=1KB", "gateway.upstream-protocol=h2c"})
class GatewayEdgeIT {

    private static final StubBackend BACKEND = new StubBackend();
    private static final String USER = UUID.randomUUID().toString();

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.register(registry, "gateway");
        registry.add("AUTH_SERVICE_URL", BACKEND::url);
        registry.add("CHAT_SERVICE_URL", BACKEND::url);
        registry.add("VOICE_SERVICE_URL", BACKEND::url);
        String closed = "http://127.0.0.1:" + closedPort();
        registry.add("CV_BUILDER_SERVICE_URL", () -> closed);
    }

    @AfterAll
    static void stop() {
        BACKEND.close();
    }

    static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(java.time.Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer() {
        return "Bearer " + TestInfrastructure.issuer().token(USER);
    }

    @Test
    void shouldRefuseEveryHostileTokenAtTheEdgeBeforeAnyServiceSeesIt() throws Exception {
        int before = BACKEND.hits("/api/v1/chats/echo");
        for (Map.Entry<String, String> hostile : HostileTokens.forUser(TestInfrastructure.issuer().key(), USER).entrySet()) {
            HttpResponse<String> response = get("/api/v1/chats/echo", "Authorization", "Bearer " + hostile.getValue());
            assertThat(response.statusCode()).as(hostile.getKey()).isEqualTo(401);
            assertThat(response.body()).as(hostile.getKey()).isEqualTo("{\"error\":\"Invalid or expired token\"}");
        }
        assertThat(get("/api/v1/chats/echo").statusCode()).as("no token").isEqualTo(401);
        assertThat(BACKEND.hits("/api/v1/chats/echo")).isEqualTo(before);

        HttpResponse<String> control = get("/api/v1/chats/echo", "Authorization",
                "Bearer " + HostileTokens.valid(TestInfrastructure.issuer().key(), USER));
        assertThat(control.statusCode()).isEqualTo(200);
        assertThat(BACKEND.hits("/api/v1/chats/echo")).isEqualTo(before + 1);
        assertThat(BACKEND.lastHeaders.get("authorization")).as("the token travels on to the service").startsWith("Bearer ");
    }

    @Test
    void shouldKeepReadingAKeptAliveConnectionWhenTheNextRequestCameEarly() throws Exception {
        // The client has the whole answer while the gateway is still finishing it (the service's stream ends after its
        // declared length), and sends its next request on the same connection: the gateway holds it until the first
        // is done. Reactor Netty 1.3.7 then answered it and stopped reading the connection when that answer was made
        // at once (reactor/reactor-netty#4361): the request after it waited until the client gave up.
        String lingering = "GET /api/v1/chats/lingering HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + bearer()
                + "\r\n\r\n";
        String anonymous = "GET /api/v1/chats/echo HTTP/1.1\r\nHost: localhost\r\n\r\n";
        try (RawHttp.KeepAlive connection = new RawHttp.KeepAlive("http://localhost:" + port)) {
            for (Map.Entry<String, String> hostile : HostileTokens.forUser(TestInfrastructure.issuer().key(), USER).entrySet()) {
                BACKEND.lingerRelease = reactor.core.publisher.Sinks.empty();
                connection.write(lingering);
                assertThat(connection.read().bodyText()).isEqualTo("{}");
                connection.write("GET /api/v1/chats/echo HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                        + hostile.getValue() + "\r\n\r\n");
                BACKEND.lingerRelease.tryEmitEmpty(); // the first stream ends only now, after the next request was sent
                assertThat(connection.read().status()).as("%s, sent early", hostile.getKey()).isEqualTo(401);
                connection.write(anonymous);
                assertThat(connection.read().status()).as("%s, the request after it", hostile.getKey()).isEqualTo(401);
            }
        }
    }

    @Test
    void shouldAcceptTheQueryTokenOnlyOnTheVoiceWebSocketPath() throws Exception {
        String token = TestInfrastructure.issuer().token(USER);
        assertThat(get("/api/v1/chats/echo?token=" + token).statusCode()).isEqualTo(401);

        List<String> received = new CopyOnWriteArrayList<>();
        WebSocket socket = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/api/v1/chats/ws/voice/" + UUID.randomUUID()
                        + "?token=" + token), collector(received))
                .get(10, TimeUnit.SECONDS);
        socket.sendText("hello", true).get(5, TimeUnit.SECONDS);
        await().atMost(java.time.Duration.ofSeconds(10)).until(() -> received.contains("echo:hello"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
        assertThat(BACKEND.protocolsOf("ws")).as("the WebSocket upgrade stays HTTP/1.1 beside h2c routes")
                .containsExactly("HTTP/1.1");

        CompletableFuture<WebSocket> anonymous = http.newWebSocketBuilder().buildAsync(
                URI.create("ws://localhost:" + port + "/api/v1/chats/ws/voice/x"), collector(received));
        assertThatThrownBy(anonymous::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void shouldPassServerSentEventsThroughWithoutHoldingThemBack() throws Exception {
        List<Double> delaysMs = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            BACKEND.firstEventSeen = new java.util.concurrent.CountDownLatch(1);
            HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/chats/stream")))
                            .header("Authorization", bearer()).header("Accept", "text/event-stream").timeout(java.time.Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            List<String> data = new ArrayList<>();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("data:")) {
                        data.add(line.substring(5).trim());
                        if (data.size() == 1) {
                            delaysMs.add((System.nanoTime() - BACKEND.firstEventWrittenNanos) / 1e6);
                            BACKEND.firstEventSeen.countDown();
                        }
                    }
                }
            }
            assertThat(data).as("the second event is only written once the first has reached the client")
                    .containsExactly("one", "two", "end");
        }
        List<Double> sorted = delaysMs.stream().sorted().toList();
        System.out.printf("SSE through the gateway, backend write -> client read of the first event over %d streams: "
                + "min %.2f ms, median %.2f ms, max %.2f ms%n", sorted.size(), sorted.getFirst(),
                sorted.get(sorted.size() / 2), sorted.getLast());
    }

    @Test
    void shouldReachTheServicesOverHttp2WithManyHeldStreamsSharingAConnection() throws Exception {
        assertThat(get("/api/v1/chats/over-h2", "Authorization", bearer()).statusCode()).isEqualTo(200);
        assertThat(BACKEND.protocolsOf("/api/v1/chats/over-h2")).containsExactly("HTTP/2.0");

        int streams = 20;
        BACKEND.heldRelease = reactor.core.publisher.Sinks.empty();
        List<CompletableFuture<HttpResponse<java.util.stream.Stream<String>>>> held = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            held.add(http.sendAsync(HttpRequest.newBuilder(URI.create(url("/api/v1/chats/held")))
                    .header("Authorization", bearer()).header("Accept", "text/event-stream")
                    .timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofLines()));
        }
        List<java.util.Iterator<String>> events = new ArrayList<>();
        for (CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response : held) {
            java.util.Iterator<String> lines = response.get(30, TimeUnit.SECONDS).body()
                    .filter(line -> line.startsWith("data:")).iterator();
            assertThat(lines.next()).isEqualTo("data: open");
            events.add(lines);
        }
        List<StubBackend.Arrival> arrivals = BACKEND.arrivals.stream().filter(a -> a.path().equals("held")).toList();
        assertThat(arrivals).as("every stream is open at the service at once").hasSize(streams);
        assertThat(BACKEND.protocolsOf("held")).containsExactly("HTTP/2.0");
        // how many connections the pool opens while the first ones are still being set up varies; fewer than the
        // streams is the point (with http1 there is one connection per held stream)
        assertThat(BACKEND.connectionsOf("held")).as("%d held streams share the gateway's connections", streams)
                .hasSizeLessThan(streams);

        BACKEND.heldRelease.tryEmitEmpty();
        for (java.util.Iterator<String> lines : events) {
            assertThat(lines.next()).isEqualTo("data: released");
            assertThat(lines.hasNext()).isFalse();
        }
    }

    @Test
    void shouldPassALongStreamThroughCompletely() throws Exception {
        HttpResponse<java.util.stream.Stream<String>> response = http.send(
                HttpRequest.newBuilder(URI.create(url("/api/v1/chats/long-stream"))).header("Authorization", bearer()).build(),
                HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = response.body()) {
            List<String> data = lines.filter(l -> l.startsWith("data:")).toList();
            assertThat(data).hasSize(StubBackend.LONG_STREAM_EVENTS);
            assertThat(data.getLast()).startsWith("data: " + (StubBackend.LONG_STREAM_EVENTS - 1) + " ");
        }
    }

    @Test
    void shouldRefuseHostileQueryTokensOnTheWebSocketPath() {
        int before = BACKEND.hits("ws");
        for (Map.Entry<String, String> hostile : HostileTokens.forUser(TestInfrastructure.issuer().key(), USER).entrySet()) {
            CompletableFuture<WebSocket> attempt = http.newWebSocketBuilder().buildAsync(URI.create("ws://localhost:" + port
                    + "/api/v1/chats/ws/voice/x?token=" + java.net.URLEncoder.encode(hostile.getValue(), StandardCharsets.UTF_8)),
                    collector(new ArrayList<>()));
            assertThatThrownBy(attempt::join).as(hostile.getKey()).cause()
                    .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                            e -> assertThat(e.getResponse().statusCode()).isEqualTo(401));
        }
        assertThat(BACKEND.hits("ws")).isEqualTo(before);
    }

    @Test
    void shouldPassTheRequestIdAndTheRealClientAddressOn() throws Exception {
        HttpResponse<String> kept = get("/api/v1/chats/echo", "Authorization", bearer(), "X-Request-Id", "client-req-42",
                "X-Client-Address", "6.6.6.6");
        assertThat(kept.headers().allValues("X-Request-Id")).containsExactly("client-req-42");
        assertThat(BACKEND.lastHeaders.get("x-request-id")).isEqualTo("client-req-42");
        assertThat(BACKEND.lastHeaders.get("x-client-address")).as("a client cannot choose its address")
                .isEqualTo("127.0.0.1");

        HttpResponse<String> made = get("/api/v1/chats/echo", "Authorization", bearer(), "X-Request-Id", "<script>");
        String id = made.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(UUID.fromString(id)).isNotNull();
        assertThat(BACKEND.lastHeaders.get("x-request-id")).isEqualTo(id);
        assertThat(get("/api/v1/chats/echo").headers().firstValue("X-Request-Id")).as("on a 401 too").isPresent();
    }

    @Test
    void shouldServeTheWebClientWithoutATokenWithRevalidationAndCspAndA404PageElsewhere() throws Exception {
        int before = BACKEND.totalHits();
        for (String path : List.of("/", "/index.html", "/app.js", "/api.js", "/style.css", "/worklet.js")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Cache-Control")).as(path).hasValue("no-cache");
            String lastModified = response.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(get(path, "If-Modified-Since", lastModified).statusCode()).as(path).isEqualTo(304);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self';").doesNotContain("unsafe"));
        }
        HttpResponse<String> page = get("/");
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<title>CV Chat</title>").contains("<script type=\"module\" src=\"app.js\"></script>");
        for (String path : List.of("/nothing-here", "/a/deep/page", "/chats/123")) {
            HttpResponse<String> missing = get(path, "Accept", "text/html");
            assertThat(missing.statusCode()).as(path).isEqualTo(404);
            assertThat(missing.body()).as(path).contains("Page not found");
        }
        assertThat(get("/api/v1/chats").statusCode()).as("the API still needs a token").isEqualTo(401);
        assertThat(get("/actuator/env").statusCode()).as("actuator stays closed").isEqualTo(401);
        assertThat(get("/api/v1/chats/echo").headers().firstValue("Content-Security-Policy"))
                .as("API answers are the services' business").isEmpty();
        assertThat(BACKEND.totalHits()).isEqualTo(before);
    }

    @Test
    void shouldNeverRouteInternalPaths() throws Exception {
        int before = BACKEND.totalHits();
        assertThat(get("/internal/v1/users/" + USER + "/gemini-api-key", "Authorization", bearer()).statusCode())
                .isEqualTo(404);
        assertThat(get("/internal/v1/users/" + USER + "/gemini-api-key").statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/auth/../../internal/v1/users/" + USER + "/gemini-api-key", "Authorization", bearer())
                .statusCode()).isBetween(400, 404);
        assertThat(get("/api/v1/auth/%2e%2e/%2e%2e/internal/v1/users/" + USER + "/gemini-api-key", "Authorization", bearer())
                .statusCode()).isBetween(400, 404);
        assertThat(BACKEND.totalHits()).isEqualTo(before);
    }

    @Test
    void shouldAnswer503WithAClearErrorWhenAServiceIsDown() throws Exception {
        HttpResponse<String> response = get("/api/v1/chat/sessions", "Authorization", bearer());
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo(
                "{\"error\":\"The cv-builder service is unavailable right now. Please try again shortly.\"}");
    }

    @Test
    void shouldRefuseOversizedBodiesBeforeRouting() throws Exception {
        int before = BACKEND.totalHits();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/chats/echo")))
                        .header("Authorization", bearer()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"x\":\"" + "a".repeat(2048) + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Request body is too large");
        assertThat(BACKEND.totalHits()).isEqualTo(before);
    }

    @Test
    void shouldAnswerCorsPreflightsForConfiguredOriginsOnly() throws Exception {
        HttpResponse<String> allowed = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/chats/echo")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(allowed.statusCode()).isEqualTo(200);
        assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");
        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/chats/echo")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(foreign.body()).isEqualTo(
                "{\"error\":\"Cross-origin request refused: this origin is not allowed to call the API\"}");

        int before = BACKEND.totalHits();
        HttpResponse<String> foreignCall = get("/api/v1/chats/echo", "Authorization", bearer(),
                "Origin", "https://evil.example");
        assertThat(foreignCall.statusCode()).isEqualTo(403);
        assertThat(foreignCall.headers().firstValue("Content-Type")).hasValue("application/json");
        assertThat(foreignCall.body()).startsWith("{\"error\":\"Cross-origin request refused");
        assertThat(BACKEND.totalHits()).isEqualTo(before);
    }

    @Test
    void shouldAnswerAddressesNoRouteServesWithTheErrorFormat() throws Exception {
        String notFound = "{\"error\":\"Not found: no API endpoint matches this path\"}";
        for (String path : List.of("/api/v1/nothing", "/api/v2/chats", "/internal/v1/users/x/gemini-api-key")) {
            HttpResponse<String> response = get(path, "Authorization", bearer());
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
            assertThat(response.body()).as(path).isEqualTo(notFound);
        }
        HttpResponse<String> jsonClient = get("/nothing-here", "Accept", "application/json");
        assertThat(jsonClient.statusCode()).isEqualTo(404);
        assertThat(jsonClient.body()).as("a client that does not ask for HTML").isEqualTo(notFound);
    }

    private static WebSocket.Listener collector(List<String> received) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                received.add(data.toString());
                webSocket.request(1);
                return null;
            }
        };
    }

    @Test
    void shouldServeTheMergedApiDocumentAndSwaggerUiWithoutAToken() throws Exception {
        HttpResponse<String> docs = get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/json"));
        JsonNode document = JsonMapper.builder().build().readTree(docs.body());
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("info").path("title").asString()).isEqualTo("CV Chat Platform API");
        assertThat(document.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(document.path("paths").path("/api/v1/chats/stub").has("get")).isTrue();
        assertThat(document.path("components").path("schemas").has("Thing")).isTrue();
        // cv-builder's address is closed: the others are still served, and the document says what is missing
        assertThat(document.path("info").path("description").asString()).contains("**Not included right now**")
                .contains("cv-builder");

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url("/swagger-ui.html"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as("/swagger-ui.html").isIn(200, 302);
        String index = page.statusCode() == 302 ? page.headers().firstValue("Location").orElseThrow() : "/swagger-ui.html";
        HttpResponse<String> ui = get(index.startsWith("http") ? URI.create(index).getPath() : index);
        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        // Swagger UI sets inline styles from its script; inline scripts stay refused
        assertThat(ui.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self';").contains("style-src 'self' 'unsafe-inline';"));
        HttpResponse<String> config = get("/v3/api-docs/gateway/swagger-config");
        assertThat(config.statusCode()).isEqualTo(200);
        assertThat(config.body()).contains("\"url\":\"/v3/api-docs\"");
    }
}
