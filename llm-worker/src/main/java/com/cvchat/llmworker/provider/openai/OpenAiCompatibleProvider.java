package com.cvchat.llmworker.provider.openai;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.llmworker.provider.GenerationCall;
import com.cvchat.llmworker.provider.GenerationCancelled;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.LlmProvider;
import com.cvchat.llmworker.provider.Prompt;
import com.cvchat.llmworker.provider.ProviderResult;
import com.cvchat.llmworker.provider.RemoteAnswer;
import com.cvchat.llmworker.provider.RetryLoop;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Any server speaking OpenAI's {@code POST /v1/chat/completions} with {@code stream: true} (Server-Sent Events):
 * Ollama, vLLM, llama.cpp's server, OpenAI itself. Structured output through {@code response_format}
 * {@code json_schema}. Retries as {@link OpenAiRetryPolicy} says. OkHttp does the transport: its read timeout bounds
 * the wait for the response headers and every silence in the stream, and {@code okhttp-sse} parses the events on the
 * generation's own thread ({@link EventSources#processResponse}).
 */
public class OpenAiCompatibleProvider implements LlmProvider {

    public static final String NAME = "openai-compatible";

    private static final MediaType JSON = MediaType.get("application/json");

    private final OpenAiProperties properties;
    private final OpenAiRetryPolicy retryPolicy;
    private final OkHttpClient http;

    public OpenAiCompatibleProvider(OpenAiProperties properties) {
        this.properties = properties;
        this.retryPolicy = new OpenAiRetryPolicy(properties);
        this.http = new OkHttpClient.Builder().connectTimeout(properties.readTimeout())
                .readTimeout(properties.readTimeout()).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderResult generate(GenerationCall call) {
        byte[] body = requestBody(call.request(), Prompt.of(call.request(), properties.historyWindow()));
        return RetryLoop.run(call, NAME, progress -> attempt(call, body, progress), retryPolicy::decide);
    }

    private byte[] requestBody(LlmRequest request, Prompt prompt) {
        ObjectNode body = EventJson.mapper().createObjectNode();
        body.put("model", properties.model());
        body.put("stream", true);
        body.putObject("stream_options").put("include_usage", true);
        ArrayNode messages = body.putArray("messages");
        if (prompt.hasSystemInstruction()) {
            messages.addObject().put("role", "system").put("content", prompt.systemInstruction());
        }
        for (ChatTurn turn : prompt.history()) {
            messages.addObject().put("role", ChatTurn.MODEL.equals(turn.role()) ? "assistant" : "user")
                    .put("content", turn.text());
        }
        messages.addObject().put("role", "user").put("content", prompt.userText());
        if (request.responseSchema() != null) {
            ObjectNode schema = body.putObject("response_format").put("type", "json_schema")
                    .putObject("json_schema");
            schema.put("name", "answer");
            schema.put("strict", true);
            schema.set("schema", request.responseSchema());
        }
        return EventJson.mapper().writeValueAsBytes(body);
    }

    private ProviderResult attempt(GenerationCall call, byte[] body, RetryLoop.Progress progress) {
        Request.Builder request = new Request.Builder().url(properties.completionsUrl())
                .header("Accept", "text/event-stream")
                .post(RequestBody.create(body, JSON));
        if (properties.apiKey() != null) {
            request.header("Authorization", "Bearer " + properties.apiKey());
        }
        Call http = this.http.newCall(request.build());
        call.cancellation().onCancel(http::cancel);
        Stream stream = new Stream(call, progress);
        try (Response response = http.execute()) {
            if (!response.isSuccessful()) {
                throw error(response);
            }
            EventSources.processResponse(response, stream);
        } catch (IOException e) {
            call.cancellation().throwIfCancelled();
            throw e instanceof SocketTimeoutException ? new OpenAiRetryPolicy.StreamIdle() : new ProviderIo(e);
        }
        call.cancellation().throwIfCancelled();
        stream.throwIfFailed();
        return stream.result();
    }

    private static OpenAiHttpError error(Response response) throws IOException {
        String text = response.peekBody(64 * 1024).string();
        String message = text;
        try {
            JsonNode error = EventJson.mapper().readTree(text).path("error");
            message = error.isObject() ? error.path("message").asString(text) : error.asString(text);
        } catch (JacksonException ignored) {
            // not JSON: keep the text
        }
        Duration retryAfter = null;
        String header = response.header("Retry-After");
        if (header != null) {
            try {
                retryAfter = Duration.ofSeconds(Long.parseLong(header.strip()));
            } catch (NumberFormatException ignored) {
                // an HTTP date: the backoff decides
            }
        }
        return new OpenAiHttpError(response.code(), message.length() > 300 ? message.substring(0, 300) : message,
                retryAfter);
    }

    /** The events of the SSE body: {@code data: {chunk}} until {@code data: [DONE]}. */
    private static final class Stream extends EventSourceListener {
        private final GenerationCall call;
        private final RetryLoop.Progress progress;
        private final boolean buffered;
        private final StringBuilder text = new StringBuilder();
        private TokenUsage usage = TokenUsage.NONE;
        private boolean done;
        private RuntimeException failure;

        private Stream(GenerationCall call, RetryLoop.Progress progress) {
            this.call = call;
            this.progress = progress;
            this.buffered = RemoteAnswer.heldBack(call.request());
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            call.cancellation().throwIfCancelled();
            if (done) {
                return;
            }
            if ("[DONE]".equals(data.strip())) {
                done = true;
                return;
            }
            accept(EventJson.mapper().readTree(data));
        }

        @Override
        public void onFailure(EventSource source, Throwable error, Response response) {
            failure = switch (error) {
                case RuntimeException runtime -> runtime; // thrown by onEvent: a failure event, a cancel, bad JSON
                case SocketTimeoutException timeout -> new OpenAiRetryPolicy.StreamIdle();
                case null -> new ProviderIo(null);
                default -> new ProviderIo(error);
            };
        }

        /** Rethrows what broke the stream (the reader reports it here instead of throwing). */
        void throwIfFailed() {
            if (failure != null) {
                throw failure;
            }
        }

        private void accept(JsonNode event) {
            if (event.has("error")) {
                throw new LlmFailure(FailureReason.PROVIDER_ERROR, true, "The model server failed mid-answer: "
                        + event.path("error").path("message").asString("unknown error"));
            }
            JsonNode reported = event.get("usage");
            if (reported != null && reported.isObject()) {
                usage = new TokenUsage(reported.path("prompt_tokens").asInt(0),
                        reported.path("completion_tokens").asInt(0), reported.path("total_tokens").asInt(0));
            }
            JsonNode content = event.at("/choices/0/delta/content");
            if (content.isString() && !content.asString().isEmpty()) {
                text.append(content.asString());
                if (!buffered) {
                    call.sink().accept(content.asString());
                    progress.streamed();
                }
            }
        }

        ProviderResult result() {
            return RemoteAnswer.complete(call, text.toString(), usage, "The model");
        }
    }

    /** A transport failure (connect, reset, timeout) of one attempt. */
    static final class ProviderIo extends RuntimeException {
        ProviderIo(Throwable cause) {
            super(cause == null ? "I/O failure" : cause.getClass().getSimpleName(), cause);
        }
    }
}
