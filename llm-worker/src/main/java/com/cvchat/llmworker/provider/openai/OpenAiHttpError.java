package com.cvchat.llmworker.provider.openai;

import com.cvchat.events.json.EventJson;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;

/** A non-2xx answer of an OpenAI-compatible server ({@code retryAfter} from its {@code Retry-After} header). */
final class OpenAiHttpError extends RuntimeException {

    private final int status;
    private final Duration retryAfter;

    OpenAiHttpError(int status, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    /** The error a non-2xx response says (its {@code error.message} when JSON, at most 300 characters). */
    static OpenAiHttpError of(Response response) throws IOException {
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

    int status() {
        return status;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
