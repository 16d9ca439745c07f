package com.cvchat.platform.test.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what a hostile client can send and {@code java.net.http}
 * refuses to (CR/LF in header values, bytes that are not UTF-8, a declared length far above what is sent), and what
 * it never does on its own (several requests in one write on a kept-alive connection, {@link KeepAlive}). Reads are
 * bounded by a socket timeout; a response is framed by its {@code Content-Length}, its chunks, or the end of the
 * connection.
 */
public final class RawHttp {

    private static final int TIMEOUT_MILLIS = 30_000;
    private static final byte[] CRLF = {'\r', '\n'};

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
     * lines (each without its line end; may hold anything) and body, on a connection of its own
     * ({@code Connection: close}).
     */
    public static Response send(String base, String method, byte[] target, byte[][] headerLines, byte[] body) {
        URI uri = URI.create(base);
        try (Socket socket = connect(uri)) {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
            head.writeBytes(target);
            head.writeBytes((" HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort() + "\r\nConnection: close\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            boolean hasLength = false;
            for (byte[] line : headerLines) {
                head.writeBytes(line);
                head.writeBytes(CRLF);
                hasLength |= new String(line, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT)
                        .startsWith("content-length:");
            }
            if (body != null && !hasLength) {
                head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            head.writeBytes(CRLF);
            OutputStream out = socket.getOutputStream();
            out.write(head.toByteArray());
            // the body goes out beside the read: a server may answer (413) and close before taking all of it
            CompletableFuture<Void> writing = body == null ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> write(out, body));
            Response response = read(new BufferedInputStream(socket.getInputStream()));
            writing.exceptionally(e -> null);
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException("no HTTP response to " + method + " " + new String(target,
                    StandardCharsets.ISO_8859_1), e);
        }
    }

    /**
     * One kept-alive connection: {@link #write} sends requests exactly as given (several at once are pipelined),
     * {@link #read} takes the next response off the connection.
     */
    public static final class KeepAlive implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;

        public KeepAlive(String base) {
            try {
                this.socket = connect(URI.create(base));
                this.in = new BufferedInputStream(socket.getInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot connect to " + base, e);
            }
        }

        public void write(String requests) throws IOException {
            socket.getOutputStream().write(requests.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }

        public Response read() throws IOException {
            return RawHttp.read(in);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static Socket connect(URI uri) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        return socket;
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
        String statusLine = readLine(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                readChunks(in, body);
            } else if (headers.containsKey("content-length")) {
                body.writeBytes(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                in.transferTo(body);
            }
        } catch (SocketException e) {
            // reset after the answer (a server that refused a body it did not read): what arrived stands
        }
        return new Response(status, headers, body.toByteArray());
    }

    private static void readChunks(InputStream in, ByteArrayOutputStream body) throws IOException {
        for (int size = chunkSize(in); size > 0; size = chunkSize(in)) {
            body.writeBytes(in.readNBytes(size));
            readLine(in);
        }
        // trailers, up to the empty line
        while (!readLine(in).isEmpty()) {
        }
    }

    private static int chunkSize(InputStream in) throws IOException {
        return Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
    }

    /** One line of the head or of the chunk framing, without its line end. */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("incomplete HTTP response, the connection ended after: "
                        + line.toString(StandardCharsets.ISO_8859_1));
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
