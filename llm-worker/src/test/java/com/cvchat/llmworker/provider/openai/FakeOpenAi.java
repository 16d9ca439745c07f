package com.cvchat.llmworker.provider.openai;

import com.cvchat.events.json.EventJson;
import com.cvchat.llmworker.support.RawHttpServer;
import com.cvchat.llmworker.support.ScriptedModelServer;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A local OpenAI-compatible server ({@code POST /v1/chat/completions}, SSE when {@code stream: true}). */
final class FakeOpenAi extends ScriptedModelServer<FakeOpenAi> {

    static final List<String> DEFAULT_PIECES = List.of("Local", " model", " says", " hi.");

    FakeOpenAi() throws IOException {
        super(request -> request.target().equals("/v1/chat/completions") ? null
                : (r, exchange) -> exchange.respond(404, "Not Found", "application/json",
                        "{\"error\": {\"message\": \"not found\", \"type\": \"invalid_request_error\"}}"),
                request -> stream(DEFAULT_PIECES, Duration.ZERO));
    }

    static RawHttpServer.Handler stream(List<String> pieces, Duration between) {
        return (request, exchange) -> {
            exchange.startStream("text/event-stream");
            exchange.chunk("data: " + chunk(null, "assistant") + "\n\n");
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    exchange.pause(between);
                }
                exchange.chunk("data: " + chunk(pieces.get(i), null) + "\n\n");
            }
            exchange.chunk("data: {\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"choices\":[],"
                    + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":4,\"total_tokens\":13}}\n\n");
            exchange.chunk("data: [DONE]\n\n");
            exchange.end();
        };
    }

    static RawHttpServer.Handler stall(List<String> pieces, Duration stall) {
        return (request, exchange) -> {
            exchange.startStream("text/event-stream");
            for (String piece : pieces) {
                exchange.chunk("data: " + chunk(piece, null) + "\n\n");
            }
            exchange.pause(stall);
        };
    }

    static RawHttpServer.Handler error(int status, String reason, String retryAfter, String message) {
        return (request, exchange) -> exchange.respond(status, reason + (retryAfter == null ? "" : "\r\nRetry-After: "
                + retryAfter), "application/json", "{\"error\": {\"message\": \"" + message
                + "\", \"type\": \"server_error\", \"code\": " + status + "}}");
    }

    private static String chunk(String content, String role) {
        ObjectNode chunk = EventJson.mapper().createObjectNode();
        chunk.put("id", "chatcmpl-1");
        chunk.put("object", "chat.completion.chunk");
        chunk.put("model", "llama3.2");
        ObjectNode choice = chunk.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode delta = choice.putObject("delta");
        if (role != null) {
            delta.put("role", role);
        }
        if (content != null) {
            delta.put("content", content);
        }
        choice.putNull("finish_reason");
        return chunk.toString();
    }
}
