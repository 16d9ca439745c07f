package com.cvchat.llmworker.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A small real HTTP/1.1 server on a local socket, for fakes of remote APIs. Unlike the JDK's server it can misbehave
 * the way networks do: wait before the first byte, or reset the connection in the middle of a streamed body.
 * One request per connection ({@code Connection: close}).
 */
public final class RawHttpServer implements AutoCloseable {

    /** What the fake received. */
    public record Received(String method, String target, Map<String, String> headers, String body, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Writes the answer to one request; may stream, stall or reset through the {@link Exchange}. */
    @FunctionalInterface
    public interface Handler {
        void handle(Received request, Exchange exchange) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final Function<Received, Handler> router;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public RawHttpServer(Function<Received, Handler> router) throws IOException {
        this.router = router;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = Thread.ofPlatform().daemon().name("raw-http").start(this::accept);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            Received request = read(socket.getInputStream());
            if (request == null) {
                return;
            }
            received.add(request);
            router.apply(request).handle(request, new Exchange(socket));
        } catch (SocketException ignored) {
            // the client went away (cancel) or we reset on purpose
        } catch (IOException | InterruptedException e) {
            // a fake ends its exchange on any error
        }
    }

    private static Received read(InputStream in) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1).strip());
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        String[] parts = requestLine.split(" ");
        return new Received(parts[0], parts[1], headers, body, Instant.now());
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                buffer.write(b);
            }
        }
        return b == -1 && buffer.size() == 0 ? null : buffer.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        running = false;
        server.close();
    }

    /** The response side of one connection. */
    public static final class Exchange {
        private final Socket socket;
        private final OutputStream out;

        Exchange(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** A complete response with a body. */
        public void respond(int status, String reason, String contentType, String body) throws IOException {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            write("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType + "\r\nContent-Length: "
                    + bytes.length + "\r\nConnection: close\r\n\r\n");
            out.write(bytes);
            out.flush();
        }

        /**
         * Starts a streamed response whose body ends when the connection closes; follow with {@link #chunk} and
         * {@link #end}. (Not chunked encoding: with HTTP/1.1 chunk framing, a JDK reader over OkHttp holds each event
         * until the next chunk header arrives; Google serves streams over HTTP/2, which has no such framing.)
         */
        public void startStream(String contentType) throws IOException {
            write("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nConnection: close\r\n\r\n");
        }

        public void chunk(String data) throws IOException {
            write(data);
        }

        public void end() throws IOException {
            out.flush();
            socket.shutdownOutput();
        }

        /** Waits before writing anything (a slow first byte, or a stall mid-stream). */
        public void pause(Duration duration) throws InterruptedException {
            Thread.sleep(duration);
        }

        /** Resets the TCP connection (RST), as a dropped connection does. */
        public void reset() throws IOException {
            out.flush();
            socket.setSoLinger(true, 0);
            socket.close();
        }

        private void write(String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }
}
