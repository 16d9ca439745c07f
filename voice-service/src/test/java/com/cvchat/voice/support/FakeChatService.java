package com.cvchat.voice.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in for chat-service's HTTP API on a real socket ({@code GET /api/v1/chats/{id}}, {@code POST /api/v1/chats}),
 * for service tests of voice-service alone: conversations belong to the token's subject, another user's id is 404.
 * The end-to-end tests use the real chat-service.
 */
public final class FakeChatService implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** conversation id → owner user id */
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final HttpServer server;

    public FakeChatService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/v1/chats", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A conversation that already exists for {@code userId}. */
    public String existingConversation(String userId) {
        String id = UUID.randomUUID().toString();
        owners.put(id, userId);
        return id;
    }

    public String ownerOf(String conversationId) {
        return owners.get(conversationId);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String user = subject(exchange.getRequestHeaders().getFirst("Authorization"));
        String path = exchange.getRequestURI().getPath();
        if (user == null) {
            respond(exchange, 401, "{\"error\":\"Invalid or expired token\"}");
        } else if ("POST".equals(exchange.getRequestMethod()) && path.equals("/api/v1/chats")) {
            String id = UUID.randomUUID().toString();
            owners.put(id, user);
            respond(exchange, 201, "{\"message\":\"Chat session created successfully\",\"data\":{\"id\":\"" + id
                    + "\",\"user_id\":\"" + user + "\",\"title\":null,\"created_at\":\"2026-01-01T00:00:00\"}}");
        } else if ("GET".equals(exchange.getRequestMethod())) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            if (!user.equals(owners.get(id))) {
                respond(exchange, 404, "{\"error\":\"Chat session not found or expired\"}");
            } else {
                respond(exchange, 200, "{\"message\":\"Conversation retrieved successfully\",\"data\":{\"conversation\":"
                        + "{\"id\":\"" + id + "\",\"user_id\":\"" + user + "\",\"title\":\"Earlier chat\"},"
                        + "\"messages\":[{\"id\":\"m1\",\"sender\":\"user\",\"message\":\"Hello\"},"
                        + "{\"id\":\"m2\",\"sender\":\"ai\",\"message\":\"Hi there\"}]}}");
            }
        } else {
            respond(exchange, 405, "{\"error\":\"Method not allowed\"}");
        }
    }

    private static String subject(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        return claims.path("sub").asString(null);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
