package com.cvchat.platform.test.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a real HTTP server on a socket that answers with what it received. */
class ApiClientTest {

    private HttpServer server;
    private String root;

    @BeforeEach
    void startEchoServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            ObjectNode echo = ApiClient.body()
                    .put("method", exchange.getRequestMethod())
                    .put("uri", exchange.getRequestURI().toString())
                    .put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            // every value of a header, so a header sent twice shows
            exchange.getRequestHeaders().forEach((name, values) -> echo.put(name.toLowerCase(), String.join(", ", values)));
            byte[] bytes = ApiClient.JSON.writeValueAsBytes(echo);
            int status = exchange.getRequestURI().getPath().endsWith("/missing") ? 404 : 200;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        root = "http://localhost:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void shouldSendAnObjectAsJsonWithTheCallersTokenUnderTheBase() {
        ApiResponse response = ApiClient.at(root + "/api/v1").withToken("t-1")
                .post("/chats", Map.of("message", "hi"));

        JsonNode echo = response.expect(200).json();
        assertThat(echo.path("method").asString()).isEqualTo("POST");
        assertThat(echo.path("uri").asString()).isEqualTo("/api/v1/chats");
        assertThat(ApiClient.JSON.readTree(echo.path("body").asString()).path("message").asString()).isEqualTo("hi");
        assertThat(echo.path("content-type").asString()).isEqualTo("application/json");
        assertThat(echo.path("authorization").asString()).isEqualTo("Bearer t-1");
        assertThat(response.header("Content-Type")).contains("application/json");
    }

    @Test
    void shouldSendHostileRequestsAsTold() {
        ApiClient client = ApiClient.at(root + "/api/v1").withToken("mine");

        JsonNode raw = client.send("PROPFIND", root + "/elsewhere?x=1", "{\"message\": ",
                "Authorization", "Bearer someone-else", "Content-Type", "text/plain").json();

        assertThat(raw.path("method").asString()).isEqualTo("PROPFIND");
        assertThat(raw.path("uri").asString()).as("an absolute URL is used as it is").isEqualTo("/elsewhere?x=1");
        assertThat(raw.path("body").asString()).as("a text body is sent as written").isEqualTo("{\"message\": ");
        assertThat(raw.path("authorization").asString()).isEqualTo("Bearer someone-else");
        assertThat(raw.path("content-type").asString()).isEqualTo("text/plain");
        JsonNode anonymous = ApiClient.at(root).get("/").json();
        assertThat(anonymous.has("authorization")).isFalse();
        assertThat(anonymous.has("content-type")).as("no body, no content type").isFalse();
    }

    @Test
    void shouldNameTheRequestWhenTheStatusIsNotTheExpectedOne() {
        ApiResponse missing = ApiClient.at(root).get("/missing");

        assertThat(missing.status()).isEqualTo(404);
        assertThatThrownBy(() -> missing.expect(200)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("GET " + root + "/missing answered 404 (expected 200)");
    }

    @Test
    void shouldAnswerMinusOneForAFailedConnectionOnlyWhenToldToTolerateIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ApiClient nobody = ApiClient.local(closedPort);

        assertThat(nobody.tolerateTransportFailures().get("/chats").status()).isEqualTo(-1);
        assertThatThrownBy(() -> nobody.get("/chats")).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("/api/v1/chats");
    }
}
