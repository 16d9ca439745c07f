package com.cvchat.llmworker.provider.openai;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.llmworker.provider.GenerationCall;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.ProviderResult;
import com.cvchat.llmworker.provider.RemoteAnswer;
import com.cvchat.llmworker.provider.RetryLoop;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import tools.jackson.databind.JsonNode;

import java.net.SocketTimeoutException;

/**
 * The events of one attempt's SSE body: {@code data: {chunk}} until {@code data: [DONE]}. Each piece of text goes to
 * the generation's sink as it arrives (unless the answer is held back until it is complete), the usage is kept from
 * the event that reports it, and what broke the stream is kept for the attempt to throw.
 */
final class OpenAiStream extends EventSourceListener {
    private final GenerationCall call;
    private final RetryLoop.Progress progress;
    private final boolean buffered;
    private final StringBuilder text = new StringBuilder();
    private TokenUsage usage = TokenUsage.NONE;
    private boolean done;
    private RuntimeException failure;

    OpenAiStream(GenerationCall call, RetryLoop.Progress progress) {
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
            case null -> new OpenAiCompatibleProvider.ProviderIo(null);
            default -> new OpenAiCompatibleProvider.ProviderIo(error);
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
