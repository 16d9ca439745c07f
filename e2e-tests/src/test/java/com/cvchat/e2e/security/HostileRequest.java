package com.cvchat.e2e.security;

import com.cvchat.platform.test.http.RawHttp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One hostile HTTP request of the corpus: its name says what is wrong with it; {@code channel} is REST or SSE (the
 * client asked for {@code text/event-stream}). {@code notHttp}: the bytes break HTTP itself (a header line with a
 * bare LF or a control character, headers beyond 8 KB), so the gateway's HTTP codec refuses them before any
 * application code runs, with a 4xx and no body.
 */
record HostileRequest(String name, String channel, String method, byte[] target, List<byte[]> headers, byte[] body,
                      boolean notHttp) {

    static final String JSON = "Content-Type: application/json";

    static Builder request(String method, String target) {
        return new Builder(method, target.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp.Response send(String gateway) {
        return RawHttp.send(gateway, method, target, headers.toArray(byte[][]::new), body);
    }

    static final class Builder {
        private final String method;
        private final byte[] target;
        private final List<byte[]> headers = new ArrayList<>();
        private byte[] body;
        private String channel = "REST";
        private boolean notHttp;

        private Builder(String method, byte[] target) {
            this.method = method;
            this.target = target;
        }

        Builder header(String line) {
            return header(line.getBytes(StandardCharsets.ISO_8859_1));
        }

        Builder header(byte[] line) {
            headers.add(line);
            return this;
        }

        Builder bearer(String token) {
            return token == null ? this : header("Authorization: Bearer " + token);
        }

        Builder sse() {
            channel = "SSE";
            return header("Accept: text/event-stream");
        }

        Builder notHttp() {
            notHttp = true;
            return this;
        }

        Builder json(String json) {
            return json(json.getBytes(StandardCharsets.UTF_8));
        }

        Builder json(byte[] bytes) {
            header(JSON);
            body = bytes;
            return this;
        }

        Builder body(byte[] bytes) {
            body = bytes;
            return this;
        }

        HostileRequest named(String name) {
            return new HostileRequest(name, channel, method, target, List.copyOf(headers), body, notHttp);
        }
    }
}
