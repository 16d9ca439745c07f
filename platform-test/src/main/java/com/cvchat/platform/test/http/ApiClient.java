package com.cvchat.platform.test.http;

import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.sse.SseClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The one HTTP client of the API documents (cv-chat-api.md, ai-chat-api.md) for tests and the bench: the JDK's client
 * over real sockets (HTTP/1.1), as one caller (anonymous, or with a bearer token). It has the calls the suites share
 * (sign-up, sign-in, conversations, message streams, CV sessions) and sends anything else as it is told, hostile
 * requests included: any method, path, headers and body. Immutable: {@link #withToken}, {@link #withBase} and
 * {@link #withTimeout} return a new client.
 *
 * <p>A path is relative to the base (the API root {@code http://host:port/api/v1}, or a collection in it); an
 * absolute {@code http(s)://} URL is used as it is (actuator, JWKS). A body is sent as written when it is a {@link String}, else as its JSON.
 * A JSON body gets {@code Content-Type: application/json} unless the request's headers name another.
 *
 * <p>Longer than most classes on purpose: it is the one place of both documents' shared calls, each a few lines over
 * {@link #send}; split, every suite would hold two objects for one caller.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final String base;
    private final String bearer;
    private final Duration timeout;
    private final boolean tolerateTransportFailures;

    private ApiClient(String base, String bearer, Duration timeout, boolean tolerateTransportFailures) {
        this.base = base;
        this.bearer = bearer;
        this.timeout = timeout;
        this.tolerateTransportFailures = tolerateTransportFailures;
    }

    /** An anonymous client of the API rooted at {@code base} ({@code http://host:port/api/v1}). */
    public static ApiClient at(String base) {
        return new ApiClient(base, null, DEFAULT_TIMEOUT, false);
    }

    /** An anonymous client of the API of the service listening on {@code port} of this machine. */
    public static ApiClient local(int port) {
        return at("http://localhost:" + port + "/api/v1");
    }

    /**
     * The service on {@code port} of this machine as user {@code userId}, with a token of the test issuer
     * ({@link TestInfrastructure#issuer()}); null: anonymous.
     */
    public static ApiClient localUser(int port, String userId) {
        return local(port).withToken(userId == null ? null : TestInfrastructure.issuer().token(userId));
    }

    /** The same caller on the API of another instance, listening on {@code port} of this machine. */
    public ApiClient onLocal(int port) {
        return withBase(local(port).base());
    }

    /** This caller with {@code accessToken} as its bearer token (null: anonymous). */
    public ApiClient withToken(String accessToken) {
        return new ApiClient(base, accessToken == null ? null : "Bearer " + accessToken, timeout,
                tolerateTransportFailures);
    }

    /** The same caller talking to another API root (another instance of a service). */
    public ApiClient withBase(String otherBase) {
        return new ApiClient(otherBase, bearer, timeout, tolerateTransportFailures);
    }

    /** Every call answers within {@code callTimeout} or fails. */
    public ApiClient withTimeout(Duration callTimeout) {
        return new ApiClient(base, bearer, callTimeout, tolerateTransportFailures);
    }

    /** A call the connection fails answers with status {@code -1} instead of throwing (for fault tests). */
    public ApiClient tolerateTransportFailures() {
        return new ApiClient(base, bearer, timeout, true);
    }

    public String base() {
        return base;
    }

    /** {@code Bearer <token>}, or null for an anonymous client. */
    public String bearer() {
        return bearer;
    }

    /** The header pair {@code Authorization: Bearer <token>}, for a call with another token than the client's. */
    public static String[] authorization(String token) {
        return new String[]{"Authorization", "Bearer " + token};
    }

    /** A new JSON object to build a request body. */
    public static ObjectNode body() {
        return JSON.createObjectNode();
    }

    // ---- any request ----

    public ApiResponse get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public ApiResponse delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    public ApiResponse post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public ApiResponse put(String path, Object body, String... headers) {
        return send("PUT", path, body, headers);
    }

    public ApiResponse patch(String path, Object body, String... headers) {
        return send("PATCH", path, body, headers);
    }

    /**
     * Sends {@code method} to {@code path} with {@code body} (null: none) and {@code headers} as name/value pairs; an
     * {@code Authorization} among them replaces the client's own.
     */
    public ApiResponse send(String method, String path, Object body, String... headers) {
        HttpRequest request = request(method, path, body, headers).timeout(timeout).build();
        // the path without its query: a test may put a token there, and this text reaches failure messages
        String what = method + " " + request.uri().resolve(request.uri().getRawPath());
        try {
            HttpResponse<byte[]> response = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new ApiResponse(what, response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            if (tolerateTransportFailures) {
                return new ApiResponse(what, -1, HttpHeaders.of(Map.of(), (n, v) -> true),
                        e.toString().getBytes(StandardCharsets.UTF_8));
            }
            throw new UncheckedIOException(what + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
    }

    /** The request {@link #send} would send, to send some other way (a held stream on a client of its own). */
    public HttpRequest.Builder request(String method, String path, Object body, String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("headers are name/value pairs");
        }
        String json = json(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(url(path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        boolean contentType = false;
        boolean authorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            contentType |= headers[i].equalsIgnoreCase("Content-Type");
            authorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (json != null && !contentType) {
            request.header("Content-Type", "application/json");
        }
        if (bearer != null && !authorization) {
            request.header("Authorization", bearer);
        }
        return request;
    }

    // ---- Server-Sent Events ----

    /** POSTs {@code body} to {@code path} asking for an event stream. */
    public SseClient stream(String path, Object body, Map<String, String> headers) {
        return SseClient.post(url(path).toString(), bearer, json(body), headers);
    }

    /** GETs an event stream from {@code path}. */
    public SseClient streamGet(String path, Map<String, String> headers) {
        return SseClient.get(url(path).toString(), bearer, headers);
    }

    // ---- authentication (cv-chat-api.md, Authentication) ----

    public ApiResponse register(String email, String password, String fullName) {
        return post("/auth/register", body().put("email", email).put("password", password).put("full_name", fullName));
    }

    public ApiResponse login(String email, String password, String... headers) {
        return post("/auth/login", body().put("email", email).put("password", password), headers);
    }

    public ApiResponse refresh(String refreshToken) {
        return post("/auth/refresh", body().put("refresh_token", refreshToken));
    }

    /** A new account signed in: registered with a fresh email under {@code emailPrefix}, then logged in. */
    public Account signUp(String emailPrefix, String fullName) {
        String email = emailPrefix + "-" + UUID.randomUUID() + "@example.com";
        String password = "Correct-Horse-" + UUID.randomUUID();
        register(email, password, fullName).expect(201);
        return signIn(email, password);
    }

    /** Logs in; fails unless the credentials are accepted. */
    public Account signIn(String email, String password) {
        JsonNode tokens = login(email, password).expect(200).json();
        return new Account(email, password, tokens.path("access_token").asString(),
                tokens.path("refresh_token").asString());
    }

    /** A signed-in account. */
    public record Account(String email, String password, String accessToken, String refreshToken) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    // ---- conversations (ai-chat-api.md) ----

    /** {@code POST /chats}: the new conversation's id. */
    public String createChat() {
        return post("/chats", null).expect(201).json().path("data").path("id").asString();
    }

    /** {@code POST /chats/{id}/message}: the answer's event stream. */
    public SseClient sendMessage(String chatId, String message) {
        return sendMessage(chatId, body().put("message", message), Map.of());
    }

    /** {@code POST /chats/{id}/message} with a whole body (a personality, say) and extra headers. */
    public SseClient sendMessage(String chatId, JsonNode body, Map<String, String> headers) {
        return stream("/chats/" + chatId + "/message", body, headers);
    }

    /** {@code GET /chats/{id}/messages/{message}/stream}, after {@code lastEventId} when it is not null. */
    public SseClient resume(String chatId, String messageId, String lastEventId) {
        return streamGet("/chats/" + chatId + "/messages/" + messageId + "/stream",
                lastEventId == null ? Map.of() : Map.of("Last-Event-ID", lastEventId));
    }

    /** {@code GET /chats/{id}} (first 100 messages): the {@code data} object. */
    public JsonNode conversation(String chatId) {
        return get("/chats/" + chatId + "?per_page=100").expect(200).json().path("data");
    }

    // ---- CV builder sessions (cv-chat-api.md) ----

    public ApiResponse startSession(String initialMessage, String docType) {
        ObjectNode body = body().put("initial_message", initialMessage);
        return post("/chat/start", docType == null ? body : body.put("doc_type", docType));
    }

    public ApiResponse sessionMessage(String sessionId, String message) {
        return post("/chat/message", body().put("session_id", sessionId).put("message", message));
    }

    public ApiResponse finalizeSession(String sessionId, Object body) {
        return post("/chat/session/" + sessionId + "/finalize", body);
    }

    private URI url(String path) {
        return URI.create(path.startsWith("http://") || path.startsWith("https://") ? path : base + path);
    }

    private static String json(Object body) {
        return body == null ? null : body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
