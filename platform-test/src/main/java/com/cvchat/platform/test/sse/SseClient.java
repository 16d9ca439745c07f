package com.cvchat.platform.test.sse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A plain Server-Sent Events client over a real socket (JDK HTTP client, HTTP/1.1): parses {@code id:} and
 * {@code data:} lines into events as they arrive, and can hang up mid-stream like a browser tab being closed.
 */
public final class SseClient implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final SseEvent END = new SseEvent(null, null, 0);
    /** Longest wait for a response to begin: a request nobody answers fails instead of blocking the test. */
    private static final Duration HEADERS_TIMEOUT = Duration.ofSeconds(40);

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();
    private final String errorBody;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        boolean stream = response.statusCode() == 200 && response.headers().firstValue("Content-Type")
                .orElse("").startsWith("text/event-stream");
        if (stream) {
            errorBody = null;
            Thread.ofVirtual().name("sse-client").start(this::read);
        } else {
            try (InputStream body = response.body()) {
                errorBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            }
            ended = true;
        }
    }

    /** POSTs {@code jsonBody} to {@code url} asking for an event stream. */
    public static SseClient post(String url, String bearer, String jsonBody, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody));
        return open(request, bearer, headers);
    }

    /** GETs an event stream from {@code url}. */
    public static SseClient get(String url, String bearer, Map<String, String> headers) {
        return open(HttpRequest.newBuilder(URI.create(url)).GET(), bearer, headers);
    }

    private static SseClient open(HttpRequest.Builder request, String bearer, Map<String, String> headers) {
        // bounds the wait for the response headers only: a stream's body may last as long as it likes
        request.timeout(HEADERS_TIMEOUT).header("Accept", "text/event-stream");
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        headers.forEach(request::header);
        try {
            return new SseClient(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return response.statusCode();
    }

    /** The body of a response that was not an event stream (an error), else null. */
    public String errorBody() {
        return errorBody;
    }

    /** The next event, waiting at most {@code timeout}; null if the stream ended or nothing came. */
    public SseEvent next(Duration timeout) {
        try {
            SseEvent event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return event == END ? null : event;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Every event until the server ends the stream (each waited for at most {@code timeout}). */
    public List<SseEvent> rest(Duration timeout) {
        List<SseEvent> all = new ArrayList<>();
        for (SseEvent event = next(timeout); event != null; event = next(timeout)) {
            all.add(event);
        }
        return all;
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String id = null;
            StringBuilder data = null;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new SseEvent(id, data.toString(), System.nanoTime()));
                    }
                    id = null;
                    data = null;
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    String part = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(part) : data.append('\n').append(part);
                }
            }
        } catch (IOException e) {
            // hung up by close(), or the server went away
        } finally {
            ended = true;
            events.add(END);
        }
    }

    public boolean ended() {
        return ended;
    }

    /** Hangs up: closes the connection mid-stream. */
    @Override
    public void close() {
        try {
            response.body().close();
        } catch (IOException e) {
            // already closed
        }
    }
}
