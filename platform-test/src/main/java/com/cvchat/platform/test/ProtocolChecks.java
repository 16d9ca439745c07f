package com.cvchat.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The protocols a servlet service speaks on its one port, checked over real sockets: HTTP/1.1 for browsers, probes,
 * curl and clients that ask for {@code Upgrade: h2c} (as before); HTTP/2 without TLS (h2c) for the gateway, which
 * opens its connections with the HTTP/2 preface (prior knowledge).
 */
public final class ProtocolChecks {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** RFC 9113 §3.4: the client connection preface, then the client's (empty) SETTINGS frame. */
    private static final byte[] PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EMPTY_SETTINGS = {0, 0, 0, 4, 0, 0, 0, 0, 0};
    private static final int SETTINGS = 4;

    private ProtocolChecks() {
    }

    public static void assertServesHttp11AndH2c(int port) throws IOException, InterruptedException {
        assertThat(liveness(port, HttpClient.Version.HTTP_1_1).version()).as("a plain HTTP/1.1 client")
                .isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(liveness(port, HttpClient.Version.HTTP_2).version())
                .as("a client asking for Upgrade: h2c is answered in HTTP/1.1").isEqualTo(HttpClient.Version.HTTP_1_1);
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout((int) TIMEOUT.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(PREFACE);
            out.write(EMPTY_SETTINGS);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] frameHeader = in.readNBytes(9);
            assertThat(frameHeader).as("a frame header after the prior-knowledge preface").hasSize(9);
            assertThat(frameHeader[3]).as("the server's first HTTP/2 frame is its SETTINGS (type 4)")
                    .isEqualTo((byte) SETTINGS);
            assertThat(new byte[]{frameHeader[5], frameHeader[6], frameHeader[7], frameHeader[8]})
                    .as("on stream 0").containsOnly(0);
        }
    }

    private static HttpResponse<String> liveness(int port, HttpClient.Version version)
            throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(version).connectTimeout(TIMEOUT).build();
        try (client) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/actuator/health/liveness")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
            return response;
        }
    }
}
