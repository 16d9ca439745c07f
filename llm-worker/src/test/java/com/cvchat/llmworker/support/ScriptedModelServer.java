package com.cvchat.llmworker.support;

import com.cvchat.events.json.EventJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

/**
 * A local fake of a model server's HTTP API: the handlers queued with {@link #then} answer the next requests in order;
 * when the script is empty, {@code fallback} answers. Every request is recorded.
 *
 * @param <S> the concrete fake, so {@link #then} chains
 */
public abstract class ScriptedModelServer<S extends ScriptedModelServer<S>> implements AutoCloseable {

    private final Queue<RawHttpServer.Handler> script = new ConcurrentLinkedQueue<>();
    private final RawHttpServer server;

    /** {@code outOfScript} answers a request the script must not see (null to let the script answer it). */
    protected ScriptedModelServer(Function<RawHttpServer.Received, RawHttpServer.Handler> outOfScript,
                                  Function<RawHttpServer.Received, RawHttpServer.Handler> fallback) throws IOException {
        server = new RawHttpServer(request -> {
            RawHttpServer.Handler refused = outOfScript.apply(request);
            if (refused != null) {
                return refused;
            }
            RawHttpServer.Handler next = script.poll();
            return next != null ? next : fallback.apply(request);
        });
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public List<RawHttpServer.Received> received() {
        return server.received();
    }

    /** The JSON body of the {@code index}-th request received. */
    public JsonNode body(int index) {
        return EventJson.mapper().readTree(received().get(index).body());
    }

    /** Queues {@code handler} for the next request. */
    @SuppressWarnings("unchecked")
    public S then(RawHttpServer.Handler handler) {
        script.add(handler);
        return (S) this;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
