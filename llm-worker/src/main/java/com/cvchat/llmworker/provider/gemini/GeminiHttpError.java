package com.cvchat.llmworker.provider.gemini;

import com.cvchat.events.json.EventJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A non-2xx answer of the Gemini API with the parts of its error body the SDK drops: {@code error.status}, the
 * {@code google.rpc.RetryInfo} delay and the {@code google.rpc.QuotaFailure} quota ids.
 */
final class GeminiHttpError extends RuntimeException {

    private final int code;
    private final String status;
    private final String errorMessage;
    private final Duration retryDelay;
    private final List<String> quotaIds;

    GeminiHttpError(int code, String status, String errorMessage, Duration retryDelay, List<String> quotaIds) {
        super("Gemini answered HTTP " + code + " " + status + ": " + errorMessage, null, false, false);
        this.code = code;
        this.status = status;
        this.errorMessage = errorMessage;
        this.retryDelay = retryDelay;
        this.quotaIds = List.copyOf(quotaIds);
    }

    static GeminiHttpError parse(int code, String body) {
        String status = "";
        String message = "";
        Duration retryDelay = null;
        List<String> quotaIds = new ArrayList<>();
        try {
            JsonNode error = body == null || body.isBlank() ? null : EventJson.mapper().readTree(body).get("error");
            if (error != null && error.isObject()) {
                status = text(error.get("status"));
                message = text(error.get("message"));
                for (JsonNode detail : iterable(error.get("details"))) {
                    String type = text(detail.get("@type"));
                    if (type.endsWith("google.rpc.RetryInfo")) {
                        retryDelay = duration(text(detail.get("retryDelay")));
                    } else if (type.endsWith("google.rpc.QuotaFailure")) {
                        iterable(detail.get("violations")).forEach(v -> quotaIds.add(text(v.get("quotaId"))));
                    }
                }
            }
        } catch (JacksonException e) {
            message = "unreadable error body";
        }
        return new GeminiHttpError(code, status, message, retryDelay, quotaIds);
    }

    int code() {
        return code;
    }

    String status() {
        return status;
    }

    String errorMessage() {
        return errorMessage;
    }

    /** The server's {@code RetryInfo.retryDelay}, or null. */
    Duration retryDelay() {
        return retryDelay;
    }

    /** A quota counted per day: waiting seconds will not help. */
    boolean perDayQuota() {
        return quotaIds.stream().anyMatch(id -> id.contains("PerDay"))
                || errorMessage.toLowerCase(Locale.ROOT).contains("per day");
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node == null || !node.isArray() ? List.of() : node;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "" : node.asString();
    }

    /** Protobuf JSON duration: {@code "52s"}, {@code "1.5s"}. */
    static Duration duration(String value) {
        if (value == null || !value.endsWith("s")) {
            return null;
        }
        try {
            BigDecimal seconds = new BigDecimal(value.substring(0, value.length() - 1));
            return Duration.ofMillis(seconds.movePointRight(3).longValue());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
