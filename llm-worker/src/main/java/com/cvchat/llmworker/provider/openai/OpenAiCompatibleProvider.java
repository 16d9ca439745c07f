package com.cvchat.llmworker.provider.openai;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.llmworker.provider.GenerationCall;
import com.cvchat.llmworker.provider.LlmProvider;
import com.cvchat.llmworker.provider.Prompt;
import com.cvchat.llmworker.provider.ProviderResult;
import com.cvchat.llmworker.provider.RetryLoop;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSources;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.SocketTimeoutException;

/**
 * Any server speaking OpenAI's {@code POST /v1/chat/completions} with {@code stream: true} (Server-Sent Events):
 * Ollama, vLLM, llama.cpp's server, OpenAI itself. Structured output through {@code response_format}
 * {@code json_schema}. Retries as {@link OpenAiRetryPolicy} says. OkHttp does the transport: its read timeout bounds
 * the wait for the response headers and every silence in the stream, and {@code okhttp-sse} parses the events on the
 * generation's own thread ({@link EventSources#processResponse}) into an {@link OpenAiStream}.
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
        OpenAiStream stream = new OpenAiStream(call, progress);
        try (Response response = http.execute()) {
            if (!response.isSuccessful()) {
                throw OpenAiHttpError.of(response);
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

    /** A transport failure (connect, reset, timeout) of one attempt. */
    static final class ProviderIo extends RuntimeException {
        ProviderIo(Throwable cause) {
            super(cause == null ? "I/O failure" : cause.getClass().getSimpleName(), cause);
        }
    }
}
