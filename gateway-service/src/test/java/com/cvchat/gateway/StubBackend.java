package com.cvchat.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Sinks;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.server.HttpServerRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for the services behind the gateway, on a real socket: counts what reaches it, echoes headers, streams
 * SSE under the test's control, and echoes WebSocket messages. Like the services' Tomcat it speaks HTTP/1.1 and h2c
 * (prior knowledge or upgrade) on one port, and records the protocol and the connection of every request.
 */
final class StubBackend implements AutoCloseable {

    static final int LONG_STREAM_EVENTS = 5000;
    /** The stub's OpenAPI document, as a service serves its own at {@code /v3/api-docs}. */
    static final String API_DOCS = """
            {"openapi": "3.1.0", "info": {"title": "stub", "version": "v0"},
             "servers": [{"url": "http://localhost:1"}],
             "paths": {"/api/v1/chats/stub": {"get": {"tags": ["stub"], "responses": {"200": {"description": "OK",
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}}}}}},
             "components": {"schemas": {"Thing": {"type": "object"}}}, "tags": [{"name": "stub"}]}
            """;

    final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    /** Body bytes that reached each {@code POST …/upload} path, counted as they arrive. */
    final Map<String, AtomicLong> bodyBytes = new ConcurrentHashMap<>();
    /** Counted down by the SSE test when the first event has arrived at the client through the gateway. */
    volatile CountDownLatch firstEventSeen = new CountDownLatch(1);
    volatile long firstEventWrittenNanos;
    /** What each request arrived over: path (or "ws"), protocol ("HTTP/1.1", "HTTP/2.0") and the gateway's socket. */
    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    /** Held SSE streams send one event, then wait until this completes. */
    volatile Sinks.Empty<Void> heldRelease = Sinks.empty();
    /** Ends the stream of {@code /lingering}, whose body has been sent whole before. */
    volatile Sinks.Empty<Void> lingerRelease = Sinks.empty();

    record Arrival(String path, String protocol, String connection) {
    }

    private final DisposableServer server;
    private final List<io.netty.channel.Channel> connections = new CopyOnWriteArrayList<>();

    StubBackend() {
        this(0);
    }

    /** On a given port: a service that was down and comes back where the gateway expects it. */
    StubBackend(int port) {
        server = HttpServer.create().host("127.0.0.1").port(port)
                .protocol(HttpProtocol.HTTP11, HttpProtocol.H2C)
                .doOnChannelInit((observer, channel, address) -> connections.add(channel))
                .route(routes -> routes
                        .get("/v3/api-docs", (request, response) -> {
                            count("/v3/api-docs");
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                    .sendString(Mono.just(API_DOCS));
                        })
                        .get("/api/v1/chats/ws/voice/{id}", (request, response) -> {
                            arrived(request, "ws");
                            return response.sendWebsocket((in, out) -> {
                                count("ws");
                                return out.sendString(in.receive().asString().map(text -> "echo:" + text));
                            });
                        })
                        .get("/api/v1/chats/lingering", (request, response) -> {
                            count("lingering");
                            // the whole body (its declared length) at once; the stream itself ends when released
                            Sinks.Empty<Void> release = lingerRelease;
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                    .header(HttpHeaderNames.CONTENT_LENGTH, "2")
                                    .sendString(Flux.concat(Mono.just("{}"), release.asMono().then(Mono.empty())));
                        })
                        .get("/api/v1/chats/long-stream", (request, response) -> {
                            count("long-stream");
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                                    .sendString(Flux.range(0, LONG_STREAM_EVENTS)
                                            .map(i -> "data: " + i + " " + "x".repeat(100) + "\n\n"));
                        })
                        .get("/api/v1/chat/hang", (request, response) -> {
                            arrived(request, "hang");
                            count("hang");
                            // no status, no headers until released: a request still waiting for its answer
                            return heldRelease.asMono().then(response.sendString(Mono.just("late")).then());
                        })
                        .get("/api/v1/{area}/held", (request, response) -> {
                            arrived(request, "held");
                            Sinks.Empty<Void> release = heldRelease;
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                                    .sendString(Flux.concat(Mono.just("data: open\n\n"),
                                            release.asMono().thenReturn("data: released\n\n")));
                        })
                        .get("/api/v1/chats/stream", (request, response) -> {
                            arrived(request, "stream");
                            count("stream");
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "text/event-stream")
                                    .sendString(sse());
                        })
                        .route(request -> request.method().name().equals("POST") && request.uri().endsWith("/upload"),
                                (request, response) -> {
                                    String path = request.uri();
                                    AtomicLong received = bodyBytes.computeIfAbsent(path, p -> new AtomicLong());
                                    return request.receive()
                                            .doOnNext(buffer -> received.addAndGet(buffer.readableBytes()))
                                            .then(response.sendString(Mono.fromSupplier(() -> "{\"received\":" + received.get() + "}"))
                                                    .then());
                                })
                        .route(request -> true, (request, response) -> {
                            String path = request.uri().split("\\?")[0];
                            arrived(request, path);
                            count(path);
                            request.requestHeaders().forEach(h -> lastHeaders.put(h.getKey().toLowerCase(), h.getValue()));
                            String requestId = request.requestHeaders().get("X-Request-Id");
                            if (requestId != null) {
                                response.header("X-Request-Id", requestId); // as every service does
                            }
                            return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
                                    .sendString(Mono.just("{\"path\":\"" + path + "\"}"));
                        }))
                .bindNow();
    }

    private Flux<String> sse() {
        CountDownLatch seen = firstEventSeen;
        Mono<String> first = Mono.fromCallable(() -> {
            firstEventWrittenNanos = System.nanoTime();
            return "event: message\ndata: one\n\n";
        });
        Mono<String> second = Mono.fromCallable(() -> seen.await(10, TimeUnit.SECONDS)
                        ? "event: message\ndata: two\n\n"
                        : "event: message\ndata: second-written-before-first-arrived\n\n")
                .subscribeOn(Schedulers.boundedElastic());
        return Flux.concat(first, second, Mono.delay(Duration.ofMillis(10)).thenReturn("event: done\ndata: end\n\n"));
    }

    private void arrived(HttpServerRequest request, String path) {
        arrivals.add(new Arrival(path, request.version().text(), String.valueOf(request.remoteAddress())));
    }

    Set<String> protocolsOf(String path) {
        return arrivals.stream().filter(a -> a.path().equals(path)).map(Arrival::protocol)
                .collect(java.util.stream.Collectors.toSet());
    }

    Set<String> connectionsOf(String path) {
        return arrivals.stream().filter(a -> a.path().equals(path)).map(Arrival::connection)
                .collect(java.util.stream.Collectors.toSet());
    }

    private void count(String key) {
        hits.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    int hits(String key) {
        AtomicInteger count = hits.get(key);
        return count == null ? 0 : count.get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    String url() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        server.disposeNow();
        // a stopped service: its open (kept-alive) connections go too, not only the listening socket
        connections.forEach(channel -> channel.close().syncUninterruptibly());
    }
}
