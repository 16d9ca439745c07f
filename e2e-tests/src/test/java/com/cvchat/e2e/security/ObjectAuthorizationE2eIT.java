package com.cvchat.e2e.security;

import com.cvchat.e2e.E2eStack;
import com.cvchat.e2e.E2eUsers;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.RawHttp;
import com.cvchat.platform.test.voice.VoiceClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API1 (broken object level authorization): user B calls every endpoint and stream that takes an id with
 * user A's ids — REST, SSE resume ({@code Last-Event-ID}), cancel, the voice WebSocket, documents export — and gets
 * 404 (403 for the admin-only audit) without a byte of A's data; A's data is unchanged afterwards. The endpoint table
 * is checked against the controllers' own mappings, so a new endpoint with an id fails this test until it is added.
 */
class ObjectAuthorizationE2eIT {

    private static final String SECRET = "narwhal";
    private static UserData a;
    private static ApiClient.Account b;
    private static String bChat;
    private static JsonNode aConversationBefore;
    private static JsonNode aDocumentBefore;
    private static JsonNode aSessionBefore;

    /** One call B makes with A's ids: the controller path it exercises, and the request. */
    private record Attempt(String template, String method, String path, String body, List<String> headers) {
    }

    @BeforeAll
    static void twoUsers() {
        a = UserData.create(SECRET);
        b = E2eUsers.newUser();
        bChat = E2eUsers.as(b).createChat();
        aConversationBefore = E2eUsers.as(a.user()).get("/chats/" + a.chatId()).expect(200).json();
        aDocumentBefore = E2eUsers.as(a.user()).get("/documents/" + a.documentId()).expect(200).json();
        aSessionBefore = E2eUsers.as(a.user()).get("/chat/session/" + a.sessionId()).expect(200).json();
    }

    private static List<Attempt> attempts() {
        String chat = "/chats/" + a.chatId();
        String doc = "/documents/" + a.documentId();
        String session = "/chat/session/" + a.sessionId();
        String sse = "Accept: text/event-stream";
        String resumeA = "Last-Event-ID: " + a.messageId() + ":0";
        String hello = "{\"message\":\"show me what you have\"}";
        List<Attempt> list = new ArrayList<>();
        list.add(new Attempt("GET /api/v1/chats/{}", "GET", chat, null, List.of()));
        list.add(new Attempt("PATCH /api/v1/chats/{}/title", "PATCH", chat + "/title", "{\"title\":\"pwned\"}", List.of()));
        list.add(new Attempt("DELETE /api/v1/chats/{}", "DELETE", chat, null, List.of()));
        list.add(new Attempt("POST /api/v1/chats/{}/message", "POST", chat + "/message", hello, List.of(sse)));
        list.add(new Attempt("POST /api/v1/chats/{}/message", "POST", chat + "/message", hello, List.of(sse, resumeA)));
        list.add(new Attempt("POST /api/v1/chats/{}/message", "POST", "/chats/" + bChat + "/message", hello,
                List.of(sse, resumeA)));
        list.add(new Attempt("GET /api/v1/chats/{}/messages/{}/stream", "GET", chat + "/messages/" + a.messageId()
                + "/stream", null, List.of(sse)));
        list.add(new Attempt("GET /api/v1/chats/{}/messages/{}/stream", "GET", "/chats/" + bChat + "/messages/"
                + a.messageId() + "/stream", null, List.of(sse, resumeA)));
        list.add(new Attempt("POST /api/v1/chats/{}/messages/{}/cancel", "POST", chat + "/messages/" + a.messageId()
                + "/cancel", null, List.of()));
        list.add(new Attempt("POST /api/v1/chats/{}/messages/{}/cancel", "POST", "/chats/" + bChat + "/messages/"
                + a.messageId() + "/cancel", null, List.of()));
        for (String id : List.of(a.chatId(), a.sessionId(), a.documentId())) {
            list.add(new Attempt("GET /api/v1/audit/me/conversations/{}", "GET", "/audit/me/conversations/" + id, null,
                    List.of()));
            list.add(new Attempt("GET /api/v1/audit/conversations/{}", "GET", "/audit/conversations/" + id, null,
                    List.of()));
        }
        list.add(new Attempt("GET /api/v1/chat/session/{}", "GET", session, null, List.of()));
        list.add(new Attempt("POST /api/v1/chat/session/{}/finalize", "POST", session + "/finalize", "{}", List.of()));
        list.add(new Attempt("GET /api/v1/chat/session/{}/preview", "GET", session + "/preview?template=modern", null,
                List.of()));
        list.add(new Attempt("PATCH /api/v1/chat/session/{}/data", "PATCH", session + "/data",
                "{\"cv_data\":{\"summary\":\"pwned\"}}", List.of()));
        String message = "{\"session_id\":\"" + a.sessionId() + "\",\"message\":\"I also know Rust\"}";
        list.add(new Attempt("POST /api/v1/chat/message", "POST", "/chat/message", message, List.of()));
        list.add(new Attempt("POST /api/v1/chat/message", "POST", "/chat/message", message, List.of(sse)));
        list.add(new Attempt("GET /api/v1/documents/{}", "GET", doc, null, List.of()));
        list.add(new Attempt("GET /api/v1/documents/{}/versions", "GET", doc + "/versions", null, List.of()));
        list.add(new Attempt("GET /api/v1/documents/{}/versions/{}", "GET", doc + "/versions/1", null, List.of()));
        list.add(new Attempt("POST /api/v1/documents/{}/versions/{}/restore", "POST", doc + "/versions/1/restore", null,
                List.of()));
        list.add(new Attempt("PATCH /api/v1/documents/{}", "PATCH", doc, "{\"title\":\"pwned\"}", List.of()));
        list.add(new Attempt("DELETE /api/v1/documents/{}", "DELETE", doc, null, List.of()));
        for (String format : List.of("html", "pdf", "docx", "json-resume")) {
            list.add(new Attempt("GET /api/v1/documents/{}/export", "GET", doc + "/export?format=" + format, null,
                    List.of()));
        }
        return list;
    }

    @Test
    void shouldRefuseEveryIdOfAnotherUserWithoutReadingAnything() {
        String gateway = E2eStack.url(ServiceSpec.GATEWAY);
        for (Attempt attempt : attempts()) {
            List<byte[]> headers = new ArrayList<>();
            headers.add(("Authorization: Bearer " + b.accessToken()).getBytes(StandardCharsets.ISO_8859_1));
            attempt.headers().forEach(h -> headers.add(h.getBytes(StandardCharsets.ISO_8859_1)));
            if (attempt.body() != null) {
                headers.add(HostileRequest.JSON.getBytes(StandardCharsets.ISO_8859_1));
            }
            RawHttp.Response response = RawHttp.send(gateway, attempt.method(),
                    ("/api/v1" + attempt.path()).getBytes(StandardCharsets.ISO_8859_1), headers.toArray(byte[][]::new),
                    attempt.body() == null ? null : attempt.body().getBytes(StandardCharsets.UTF_8));
            String context = "B: " + attempt.method() + " " + attempt.path() + " " + attempt.headers() + " → " + response;
            int expected = attempt.template().startsWith("GET /api/v1/audit/conversations") ? 403 : 404;
            assertThat(response.status()).as(context).isEqualTo(expected);
            ClientErrors.assertClearError(context, response.bodyText());
            assertThat(response.bodyText()).as(context).doesNotContainIgnoringCase(SECRET)
                    .doesNotContain(aConversationBefore.path("data").path("conversation").path("user_id").asString());
        }
    }

    @Test
    void shouldNotLetAnotherUserJoinAConversationOverTheVoiceWebSocket() {
        String url = E2eStack.url(ServiceSpec.GATEWAY).replaceFirst("^http", "ws") + "/api/v1/chats/ws/voice/"
                + a.chatId() + "?token=" + b.accessToken();
        try (VoiceClient socket = VoiceClient.connect(url)) {
            JsonNode connected = socket.awaitMessage(m -> "Connected".equals(m.path("message").asString()),
                    Duration.ofSeconds(20));
            String joined = connected.path("chat_session_id").asString();
            assertThat(joined).as("B is put into a new conversation of B's own").isNotBlank().isNotEqualTo(a.chatId());
            JsonNode bsConversation = E2eUsers.as(b).get("/chats/" + joined).expect(200).json();
            assertThat(bsConversation.toString()).doesNotContainIgnoringCase(SECRET);
            assertThat(socket.received().toString()).doesNotContainIgnoringCase(SECRET);
        }
    }

    @Test
    void shouldListNothingOfAnotherUser() {
        for (String list : List.of("/chats", "/chat/sessions", "/documents")) {
            String body = E2eUsers.as(b).get(list).expect(200).json().toString();
            assertThat(body).as(list).doesNotContain(a.chatId(), a.sessionId(), a.documentId())
                    .doesNotContainIgnoringCase(SECRET);
        }
    }

    @Test
    void shouldLeaveTheOwnersDataUnchanged() {
        shouldRefuseEveryIdOfAnotherUserWithoutReadingAnything();
        assertThat(E2eUsers.as(a.user()).get("/chats/" + a.chatId()).expect(200).json()).isEqualTo(aConversationBefore);
        assertThat(E2eUsers.as(a.user()).get("/documents/" + a.documentId()).expect(200).json()).isEqualTo(aDocumentBefore);
        assertThat(E2eUsers.as(a.user()).get("/chat/session/" + a.sessionId()).expect(200).json()).isEqualTo(aSessionBefore);
    }

    /** Every controller mapping with a path variable (except the never-routed /internal/**) has an attempt above. */
    @Test
    void shouldCoverEveryEndpointThatTakesAnId() throws IOException {
        Set<String> covered = new TreeSet<>();
        attempts().forEach(attempt -> covered.add(attempt.template()));
        Set<String> mapped = idEndpointsOfTheControllers();
        assertThat(mapped).as("controller mappings found").hasSizeGreaterThan(15);
        assertThat(covered).containsAll(mapped);
    }

    /** The class-level path: other annotations (OpenAPI's {@code @Tag}) may stand between it and {@code class}. */
    private static final Pattern CLASS_MAPPING = Pattern.compile("@RequestMapping\\(\"([^\"]*)\"\\)[^{;]*?\\bclass\\s");
    private static final Pattern METHOD_MAPPING = Pattern.compile(
            "@(Get|Post|Put|Patch|Delete)Mapping(?:\\((?:value\\s*=\\s*)?\"([^\"]*)\"[^)]*\\)|\\([^\")]*\\))?");

    static Set<String> idEndpointsOfTheControllers() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        Set<String> endpoints = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root, 12)) {
            for (Path file : files.filter(p -> p.toString().endsWith("Controller.java")
                    && p.toString().contains("/src/main/java/")).toList()) {
                String source = Files.readString(file);
                Matcher type = CLASS_MAPPING.matcher(source);
                String prefix = type.find() ? type.group(1) : "";
                Matcher method = METHOD_MAPPING.matcher(source);
                while (method.find()) {
                    String path = prefix + (method.group(2) == null ? "" : method.group(2));
                    if (path.contains("{") && !path.startsWith("/internal/")) {
                        endpoints.add(method.group(1).toUpperCase() + " " + path.replaceAll("\\{[^}]*}", "{}"));
                    }
                }
            }
        }
        return endpoints;
    }
}
