package com.cvchat.e2e.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import static com.cvchat.e2e.security.HostileRequest.request;

/**
 * The generated corpus of hostile HTTP requests (REST and SSE): a table of endpoints × a table of mutations, each
 * case named "endpoint: mutation". Every request targets data of the signed-in user (the {@link Fixtures}), so a 4xx
 * is about the hostile part and nothing else.
 */
final class HostileCorpus {

    /** The signed-in user's token and ids of things they own. */
    record Fixtures(String token, String chatId, String messageId, String sessionId, String documentId) {
    }

    /** An endpoint taking a JSON body, with the body fields it reads. */
    private record BodyEndpoint(String method, String path, boolean sse, boolean authenticated, boolean emptyBodyAllowed,
                                List<String> fields) {
    }

    /** An endpoint with an id in its path ({@code {id}} marks it), with a body that would be valid. */
    private record IdEndpoint(String method, String path, String validBody, boolean sse) {
    }

    private static final String API = "/api/v1";
    private static final int HUGE = 11 * 1024 * 1024;

    private final Fixtures f;

    HostileCorpus(Fixtures fixtures) {
        this.f = fixtures;
    }

    List<HostileRequest> all() {
        List<HostileRequest> cases = new ArrayList<>();
        cases.addAll(bodies());
        cases.addAll(ids());
        cases.addAll(queries());
        cases.addAll(headers());
        return cases;
    }

    private List<BodyEndpoint> bodyEndpoints() {
        return List.of(
                new BodyEndpoint("POST", "/auth/register", false, false, false, List.of("email", "password", "full_name")),
                new BodyEndpoint("POST", "/auth/login", false, false, false, List.of("email", "password")),
                new BodyEndpoint("POST", "/auth/refresh", false, false, false, List.of("refresh_token")),
                new BodyEndpoint("PUT", "/auth/me/gemini-api-key", false, true, false, List.of("api_key")),
                new BodyEndpoint("POST", "/chats/" + f.chatId() + "/message", true, true, false,
                        List.of("message", "personality")),
                new BodyEndpoint("PATCH", "/chats/" + f.chatId() + "/title", false, true, false, List.of("title")),
                new BodyEndpoint("POST", "/chat/start", false, true, false, List.of("initial_message", "doc_type")),
                new BodyEndpoint("POST", "/chat/message", false, true, false, List.of("session_id", "message")),
                new BodyEndpoint("POST", "/chat/message", true, true, false, List.of("session_id", "message")),
                new BodyEndpoint("POST", "/chat/session/" + f.sessionId() + "/finalize", false, true, true,
                        List.of("title", "template_code")),
                new BodyEndpoint("PATCH", "/documents/" + f.documentId(), false, true, false,
                        List.of("title", "template_code")),
                new BodyEndpoint("POST", "/documents/import", false, true, false, List.of("basics", "work")));
    }

    private List<HostileRequest> bodies() {
        Map<String, byte[]> mutations = new LinkedHashMap<>();
        List<HostileRequest> cases = new ArrayList<>();
        for (BodyEndpoint endpoint : bodyEndpoints()) {
            String first = endpoint.fields().getFirst();
            mutations.clear();
            mutations.put("truncated JSON", ("{\"" + first + "\": \"abc").getBytes(StandardCharsets.UTF_8));
            mutations.put("plain words, not JSON", "hello there".getBytes(StandardCharsets.UTF_8));
            mutations.put("JSON array instead of an object", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
            mutations.put("JSON string instead of an object", "\"text\"".getBytes(StandardCharsets.UTF_8));
            mutations.put("every field an object", fieldsAs(endpoint, "{\"x\":1}"));
            mutations.put("every field an array", fieldsAs(endpoint, "[1,2]"));
            mutations.put("5,000 nested arrays", ("{\"" + first + "\": " + "[".repeat(5000) + "]".repeat(5000) + "}")
                    .getBytes(StandardCharsets.UTF_8));
            mutations.put("2,000 nested objects", ("{\"" + first + "\": " + "{\"a\":".repeat(2000) + "1" + "}".repeat(2000)
                    + "}").getBytes(StandardCharsets.UTF_8));
            mutations.put("raw control characters in a string", concat(("{\"" + first + "\": \"a").getBytes(
                    StandardCharsets.UTF_8), new byte[]{0x00, 0x01, 0x1b, 0x7f}, "b\"}".getBytes(StandardCharsets.UTF_8)));
            mutations.put("bytes that are not UTF-8", concat(("{\"" + first + "\": \"").getBytes(StandardCharsets.UTF_8),
                    new byte[]{(byte) 0xc3, 0x28, (byte) 0xff, (byte) 0xfe, (byte) 0xa0, (byte) 0xa1},
                    "\"}".getBytes(StandardCharsets.UTF_8)));
            mutations.put("a 2 MB string in the first field", ("{\"" + first + "\": \"" + "A".repeat(2 * 1024 * 1024)
                    + "\"}").getBytes(StandardCharsets.UTF_8));
            if (!endpoint.emptyBodyAllowed()) { // (finalize takes an empty body and null fields: all optional)
                mutations.put("every field null", fieldsAs(endpoint, "null"));
                mutations.put("JSON null", "null".getBytes(StandardCharsets.UTF_8));
                mutations.put("empty body", new byte[0]);
            }
            for (Map.Entry<String, byte[]> mutation : mutations.entrySet()) {
                cases.add(body(endpoint).json(mutation.getValue()).named(name(endpoint) + ": " + mutation.getKey()));
            }
            byte[] huge = new byte[HUGE];
            java.util.Arrays.fill(huge, (byte) 'a');
            cases.add(body(endpoint).json(huge).named(name(endpoint) + ": 11 MB body"));
            cases.add(body(endpoint).header("Content-Type: text/xml").body("<a>1</a>".getBytes(StandardCharsets.UTF_8))
                    .named(name(endpoint) + ": XML body with Content-Type text/xml"));
        }
        cases.addAll(unknownEnums());
        return cases;
    }

    private List<HostileRequest> unknownEnums() {
        return List.of(
                request("POST", API + "/chats/" + f.chatId() + "/message").bearer(f.token()).sse()
                        .json("{\"message\":\"hello\",\"personality\":\"evil_overlord\"}")
                        .named("POST /chats/{id}/message (SSE): unknown personality"),
                request("POST", API + "/chats/" + f.chatId() + "/message").bearer(f.token()).sse()
                        .json("{\"message\":\"hello\",\"personality\":\"MOTHER_FIGURE\\u0000\"}")
                        .named("POST /chats/{id}/message (SSE): personality with a NUL character"),
                request("POST", API + "/chat/start").bearer(f.token())
                        .json("{\"initial_message\":\"hello\",\"doc_type\":\"resume\"}")
                        .named("POST /chat/start: unknown doc_type"),
                request("POST", API + "/chat/start").bearer(f.token())
                        .json("{\"initial_message\":\"hello\",\"doc_type\":\"cv<script>\"}")
                        .named("POST /chat/start: doc_type with markup"),
                request("POST", API + "/chat/session/" + f.sessionId() + "/finalize").bearer(f.token())
                        .json("{\"template_code\":\"../../etc/passwd\"}")
                        .named("POST /chat/session/{id}/finalize: template_code is a path"),
                request("PATCH", API + "/documents/" + f.documentId()).bearer(f.token())
                        .json("{\"template_code\":\"no-such-template\"}")
                        .named("PATCH /documents/{id}: unknown template_code"),
                request("POST", API + "/documents/import").bearer(f.token())
                        .json("{\"basics\":{\"name\":\"Eve\",\"email\":\"not an email\"},\"work\":\"not a list\"}")
                        .named("POST /documents/import: fields of the wrong JSON Resume types"));
    }

    private HostileRequest.Builder body(BodyEndpoint endpoint) {
        HostileRequest.Builder builder = request(endpoint.method(), API + endpoint.path())
                .bearer(endpoint.authenticated() ? f.token() : null);
        return endpoint.sse() ? builder.sse() : builder;
    }

    private static String name(BodyEndpoint endpoint) {
        String path = endpoint.path().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}");
        return endpoint.method() + " " + path + (endpoint.sse() ? " (SSE)" : "");
    }

    private static byte[] fieldsAs(BodyEndpoint endpoint, String json) {
        StringBuilder body = new StringBuilder("{");
        for (String field : endpoint.fields()) {
            body.append(body.length() > 1 ? "," : "").append('"').append(field).append("\":").append(json);
        }
        return body.append('}').toString().getBytes(StandardCharsets.UTF_8);
    }

    private List<IdEndpoint> idEndpoints() {
        return List.of(
                new IdEndpoint("GET", "/chats/{id}", null, false),
                new IdEndpoint("DELETE", "/chats/{id}", null, false),
                new IdEndpoint("PATCH", "/chats/{id}/title", "{\"title\":\"Renamed\"}", false),
                new IdEndpoint("POST", "/chats/{id}/message", "{\"message\":\"hello\"}", true),
                new IdEndpoint("GET", "/chats/{id}/messages/" + f.messageId() + "/stream", null, true),
                new IdEndpoint("GET", "/chats/" + f.chatId() + "/messages/{id}/stream", null, true),
                new IdEndpoint("POST", "/chats/" + f.chatId() + "/messages/{id}/cancel", null, false),
                new IdEndpoint("GET", "/audit/me/conversations/{id}", null, false),
                new IdEndpoint("GET", "/chat/session/{id}", null, false),
                new IdEndpoint("POST", "/chat/session/{id}/finalize", "{}", false),
                new IdEndpoint("GET", "/documents/{id}", null, false),
                new IdEndpoint("GET", "/documents/{id}/versions", null, false),
                new IdEndpoint("GET", "/documents/" + f.documentId() + "/versions/{id}", null, false),
                new IdEndpoint("POST", "/documents/{id}/versions/1/restore", null, false),
                new IdEndpoint("PATCH", "/documents/{id}", "{\"title\":\"Renamed\"}", false),
                new IdEndpoint("DELETE", "/documents/{id}", null, false),
                new IdEndpoint("GET", "/documents/{id}/export?format=pdf", null, false));
    }

    private static Map<String, String> idMutations() {
        Map<String, String> ids = new LinkedHashMap<>();
        ids.put("not a UUID", "not-a-uuid");
        ids.put("unknown UUID", UUID.randomUUID().toString());
        ids.put("UUID with trailing junk", UUID.randomUUID() + "x'");
        ids.put("traversal with encoded slashes", "..%2f..%2finternal%2fv1%2fusers");
        ids.put("encoded slash inside", "abc%2Fdef");
        ids.put("double-encoded traversal", "..%252f..%252fetc%252fpasswd");
        ids.put("encoded dot segment", "%2e%2e");
        ids.put("encoded NUL", "abc%00def");
        ids.put("encoded CR/LF with a header", "abc%0d%0aSet-Cookie:%20x=1");
        ids.put("percent bytes that are not UTF-8", "%ff%fe%c3%28");
        ids.put("NoSQL operator object", "%7B%22%24ne%22%3Anull%7D");
        ids.put("regex wildcard", ".*");
        ids.put("3,000-character id", "a".repeat(3000));
        return ids;
    }

    private List<HostileRequest> ids() {
        List<HostileRequest> cases = new ArrayList<>();
        for (IdEndpoint endpoint : idEndpoints()) {
            for (Map.Entry<String, String> id : idMutations().entrySet()) {
                HostileRequest.Builder builder = request(endpoint.method(),
                        API + endpoint.path().replace("{id}", id.getValue())).bearer(f.token());
                if (endpoint.sse()) {
                    builder.sse();
                }
                if (endpoint.validBody() != null) {
                    builder.json(endpoint.validBody());
                }
                String path = endpoint.path().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{own}");
                cases.add(builder.named(endpoint.method() + " " + path + (endpoint.sse() ? " (SSE)" : "") + ": "
                        + id.getKey()));
            }
        }
        return cases;
    }

    private List<HostileRequest> queries() {
        Map<String, String> targets = new LinkedHashMap<>();
        for (String page : List.of("0", "-1", "abc", "99999999999999999999", "1.5", "%00")) {
            targets.put("GET /chats?page=" + page, "/chats?page=" + page);
        }
        for (String perPage : List.of("0", "101", "abc", "-5", "1e3")) {
            targets.put("GET /chats?per_page=" + perPage, "/chats?per_page=" + perPage);
            targets.put("GET /chats/{own}?per_page=" + perPage, "/chats/" + f.chatId() + "?per_page=" + perPage);
        }
        targets.put("GET /chats/{own}?page=0", "/chats/" + f.chatId() + "?page=0");
        for (String page : List.of("page=0", "page=abc", "size=0", "size=101", "size=-5", "page=1&size=abc")) {
            targets.put("GET /documents?" + page, "/documents?" + page);
        }
        String export = "/documents/" + f.documentId() + "/export";
        targets.put("export: no format", export);
        targets.put("export: unknown format", export + "?format=exe");
        targets.put("export: empty format", export + "?format=");
        targets.put("export: format with encoded CR/LF", export + "?format=pdf%0d%0aX-Injected:%201");
        targets.put("export: version not a number", export + "?format=pdf&version=abc");
        targets.put("export: negative version", export + "?format=pdf&version=-1");
        targets.put("export: unknown version", export + "?format=pdf&version=999");
        targets.put("export: template is a path", export + "?format=html&template=..%2f..%2fetc%2fpasswd");
        List<HostileRequest> cases = new ArrayList<>();
        targets.forEach((name, target) -> cases.add(request("GET", API + target).bearer(f.token()).named(name)));
        return cases;
    }

    private List<HostileRequest> headers() {
        String stream = API + "/chats/" + f.chatId() + "/message";
        Map<String, byte[]> lastEventIds = new LinkedHashMap<>();
        lastEventIds.put("garbage", ascii("garbage"));
        lastEventIds.put("path traversal", ascii("../../etc/passwd"));
        lastEventIds.put("negative index", ascii(f.messageId() + ":-5"));
        lastEventIds.put("index beyond long", ascii(f.messageId() + ":99999999999999999999999"));
        lastEventIds.put("unknown message", ascii(UUID.randomUUID() + ":3"));
        lastEventIds.put("bytes that are not UTF-8", new byte[]{(byte) 0xff, (byte) 0xfe, 0x3a, 0x31});
        lastEventIds.put("2,000 characters", ascii("9".repeat(2000)));
        List<HostileRequest> cases = new ArrayList<>();
        lastEventIds.forEach((name, value) -> cases.add(request("POST", stream).bearer(f.token()).sse()
                .header(concat(ascii("Last-Event-ID: "), value)).json("{\"message\":\"hello\"}")
                .named("POST /chats/{id}/message (SSE resume): Last-Event-ID " + name)));
        lastEventIds.forEach((name, value) -> cases.add(request("GET", API + "/chats/" + f.chatId() + "/messages/"
                + f.messageId() + "/stream").bearer(f.token()).sse().header(concat(ascii("Last-Event-ID: "), value))
                .named("GET /chats/{id}/messages/{message_id}/stream (SSE): Last-Event-ID " + name)));

        // headers the client controls, on a request that fails anyway: nothing may come back injected
        String failing = API + "/chats/not-a-uuid";
        Map<String, UnaryOperator<HostileRequest.Builder>> injections = new LinkedHashMap<>();
        injections.put("X-Request-Id with an encoded CR/LF header", b -> b.header("X-Request-Id: abc%0d%0aX-Injected: 1"));
        injections.put("X-Request-Id with a bare LF header", b -> b.header("X-Request-Id: abc\nX-Injected: 1").notHttp());
        injections.put("X-Request-Id of bytes that are not UTF-8",
                b -> b.header(concat(ascii("X-Request-Id: "), new byte[]{(byte) 0xff, (byte) 0xfe})));
        injections.put("X-Request-Id of 10,000 characters", b -> b.header("X-Request-Id: " + "r".repeat(10_000)).notHttp());
        injections.put("X-Request-Id with control characters", b -> b.header("X-Request-Id: a\u0001\u0007b").notHttp());
        injections.put("forged X-Client-Address", b -> b.header("X-Client-Address: 10.0.0.1\r\nX-Injected: 1"));
        for (Map.Entry<String, UnaryOperator<HostileRequest.Builder>> injection : injections.entrySet()) {
            cases.add(injection.getValue().apply(request("GET", failing).bearer(f.token()))
                    .named("GET /chats/not-a-uuid: " + injection.getKey()));
        }
        cases.add(request("GET", API + "/chats").header("Authorization: Bearer " + f.token() + "\u0001").notHttp()
                .named("GET /chats: Authorization with a control character"));
        cases.add(request("GET", API + "/chats").header(concat(ascii("Authorization: Bearer "),
                        new byte[]{(byte) 0xff, (byte) 0xfe, (byte) 0xc3}))
                .named("GET /chats: Authorization of bytes that are not UTF-8"));
        cases.add(request("GET", API + "/chats").header("Authorization: Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                .named("GET /chats: Basic credentials instead of a bearer token"));
        return cases;
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
