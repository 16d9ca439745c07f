package com.cvchat.e2e.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what a hostile client can send and {@code java.net.http}
 * refuses to (CR/LF in header values, bytes that are not UTF-8, a declared length far above what is sent). One
 * request per connection ({@code Connection: close}); reads are bounded by a socket timeout.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;

    private RawHttp() {
    }

    /** A response as read off the wire: status, headers (names lower case, last value wins) and body bytes. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            String text = bodyText();
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /**
     * Sends {@code method target} to {@code base} (for example {@code http://localhost:3000}) with the raw header
     * lines (each without its line end; may hold anything) and body.
     */
    public static Response send(String base, String method, byte[] target, byte[][] headerLines, byte[] body) {
        URI uri = URI.create(base);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
            head.writeBytes(target);
            head.writeBytes((" HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            boolean hasLength = false;
            for (byte[] line : headerLines) {
                head.writeBytes(line);
                head.writeBytes(new byte[]{'\r', '\n'});
                hasLength |= new String(line, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                        .startsWith("content-length:");
            }
            if (body != null && !hasLength) {
                head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            head.writeBytes(new byte[]{'\r', '\n'});
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            // the body goes out beside the read: a server may answer (413) and close before taking all of it
            CompletableFuture<Void> writing = body == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> write(out, body));
            Response response = read(socket.getInputStream());
            writing.exceptionally(e -> null);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("no HTTP response to " + method + " " + new String(target,
                    StandardCharsets.ISO_8859_1), e);
        }
    }

    private static void write(OutputStream out, byte[] body) {
        try {
            for (int offset = 0; offset < body.length; offset += 64 * 1024) {
                out.write(body, offset, Math.min(64 * 1024, body.length - offset));
            }
            out.flush();
        } catch (IOException e) {
            // the server stopped reading: its answer says why
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException e) {
            if (all.size() == 0) {
                throw e; // reset before any answer
            }
        }
        byte[] bytes = all.toByteArray();
        int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (headEnd < 0) {
            throw new IOException("incomplete HTTP response: " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, headEnd + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), new byte[]{'\r', '\n'});
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int size = Integer.parseInt(sizeText, 16);
            at += lineEnd + 2;
            if (size == 0) {
                break;
            }
            out.write(chunked, at, Math.min(size, chunked.length - at));
            at += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
