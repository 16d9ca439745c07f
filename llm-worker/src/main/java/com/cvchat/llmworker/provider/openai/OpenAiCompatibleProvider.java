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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Any server speaking OpenAI's {@code POST /v1/chat/completions} with {@code stream: true} (Server-Sent Events):
 * Ollama, vLLM, llama.cpp's server, OpenAI itself. Structured output through {@code response_format}
 * {@code json_schema}. Retries as {@link OpenAiRetryPolicy} says; a silent stream is closed after the read timeout.
 */
public class OpenAiCompatibleProvider implements LlmProvider {

    public static final String NAME = "openai-compatible";

    private final OpenAiProperties properties;
    private final OpenAiRetryPolicy retryPolicy;
    private final HttpClient http;

    public OpenAiCompatibleProvider(OpenAiProperties properties) {
        this.properties = properties;
        this.retryPolicy = new OpenAiRetryPolicy(properties);
        this.http = HttpClient.newBuilder().connectTimeout(properties.readTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
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
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(properties.completionsUrl()))
                .timeout(properties.readTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (properties.apiKey() != null) {
            request.header("Authorization", "Bearer " + properties.apiKey());
        }
        HttpResponse<InputStream> response = send(call, request.build());
        Stream stream = new Stream(call, progress);
        try (InputStream in = response.body();
             IdleWatchdog watchdog = new IdleWatchdog(properties.readTimeout(), () -> closeQuietly(in))) {
            call.cancellation().onCancel(() -> closeQuietly(in));
            if (response.statusCode() / 100 != 2) {
                throw error(response, in);
            }
            try {
                stream.read(in, watchdog);
            } catch (IOException e) {
                call.cancellation().throwIfCancelled();
                throw watchdog.fired() ? new OpenAiRetryPolicy.StreamIdle() : new ProviderIo(e);
            }
        } catch (IOException e) {
            throw new ProviderIo(e);
        }
        call.cancellation().throwIfCancelled();
        return stream.result();
    }

    private HttpResponse<InputStream> send(GenerationCall call, HttpRequest request) {
        CompletableFuture<HttpResponse<InputStream>> future =
                http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        call.cancellation().onCancel(() -> future.cancel(true));
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            throw new GenerationCancelled();
        } catch (java.util.concurrent.CancellationException e) {
            throw new GenerationCancelled();
        } catch (ExecutionException e) {
            throw new ProviderIo(e.getCause());
        }
    }

    private static OpenAiHttpError error(HttpResponse<InputStream> response, InputStream in) throws IOException {
        String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        String message = text;
        try {
            JsonNode error = EventJson.mapper().readTree(text).path("error");
            message = error.isObject() ? error.path("message").asString(text) : error.asString(text);
        } catch (JacksonException ignored) {
            // not JSON: keep the text
        }
        Duration retryAfter = response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
        return new OpenAiHttpError(response.statusCode(), message.length() > 300 ? message.substring(0, 300) : message,
                retryAfter);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // closing to stop the read
        }
    }

    /** Reads the SSE body: {@code data: {chunk}} lines until {@code data: [DONE]}. */
    private static final class Stream {
        private final GenerationCall call;
        private final RetryLoop.Progress progress;
        private final boolean buffered;
        private final StringBuilder text = new StringBuilder();
        private TokenUsage usage = TokenUsage.NONE;

        private Stream(GenerationCall call, RetryLoop.Progress progress) {
            this.call = call;
            this.progress = progress;
            this.buffered = RemoteAnswer.heldBack(call.request());
        }

        void read(InputStream in, IdleWatchdog watchdog) throws IOException {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                watchdog.touch();
                call.cancellation().throwIfCancelled();
                if (!line.startsWith("data:")) {
                    continue;
                }
                String data = line.substring(5).strip();
                if ("[DONE]".equals(data)) {
                    return;
                }
                accept(EventJson.mapper().readTree(data));
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
