package com.cvchat.llmworker.support;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * auth-service's internal key endpoint over real HTTP: {@code GET /internal/v1/users/{id}/gemini-api-key} with
 * {@code Authorization: Bearer <token>} → 200 {@code {"api_key"}}, 404 when the user has none, 401 on a wrong token.
 */
public final class FakeAuthService implements AutoCloseable {

    private static final String PREFIX = "/internal/v1/users/";
    private static final String SUFFIX = "/gemini-api-key";

    private final HttpServer server;
    private final String token;
    private final Map<String, String> keys = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    public FakeAuthService(String token) throws IOException {
        this.token = token;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PREFIX, exchange -> {
            calls.incrementAndGet();
            String path = exchange.getRequestURI().getPath();
            String user = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
            int status;
            String body;
            if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                body = "{\"error\": \"Invalid internal token\"}";
            } else if (keys.containsKey(user)) {
                status = 200;
                body = "{\"api_key\": \"" + keys.get(user) + "\"}";
            } else {
                status = 404;
                body = "{\"error\": \"No Gemini API key set\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String token() {
        return token;
    }

    public FakeAuthService withKey(String userId, String apiKey) {
        keys.put(userId, apiKey);
        return this;
    }

    public int calls() {
        return calls.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
