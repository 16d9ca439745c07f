package com.cvchat.llmworker.provider.gemini;

import com.cvchat.events.json.EventJson;
import com.cvchat.llmworker.support.RawHttpServer;
import com.cvchat.llmworker.support.ScriptedModelServer;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * A local fake of the Gemini REST API ({@code v1beta/models/{model}:generateContent} and
 * {@code :streamGenerateContent?alt=sse}) over a real socket, answering with Gemini's wire format and its error
 * bodies. Each request takes the next queued behaviour; with none queued it streams {@link #DEFAULT_WORDS}.
 */
final class FakeGemini extends ScriptedModelServer<FakeGemini> {

    static final List<String> DEFAULT_WORDS = List.of("Hello", " from", " the", " fake", " Gemini.");

    /** Gemini's body for a per-minute free-tier limit (HTTP 429), with its RetryInfo. */
    static String perMinuteQuotaBody(String retryDelay) {
        return """
                {
                  "error": {
                    "code": 429,
                    "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 10, model: gemini-2.5-flash\\nPlease retry in %s.",
                    "status": "RESOURCE_EXHAUSTED",
                    "details": [
                      {
                        "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                        "violations": [
                          {
                            "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                            "quotaId": "GenerateRequestsPerMinutePerProjectPerModel-FreeTier",
                            "quotaDimensions": {"location": "global", "model": "gemini-2.5-flash"},
                            "quotaValue": "10"
                          }
                        ]
                      },
                      {
                        "@type": "type.googleapis.com/google.rpc.Help",
                        "links": [{"description": "Learn more about Gemini API quotas", "url": "https://ai.google.dev/gemini-api/docs/rate-limits"}]
                      },
                      {
                        "@type": "type.googleapis.com/google.rpc.RetryInfo",
                        "retryDelay": "%s"
                      }
                    ]
                  }
                }
                """.formatted(retryDelay, retryDelay);
    }

    /** Gemini's body for a used-up per-day quota (HTTP 429): the quota id says PerDay. */
    static String perDayQuotaBody() {
        return """
                {
                  "error": {
                    "code": 429,
                    "message": "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.\\n* Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_free_tier_requests, limit: 250, model: gemini-2.5-flash\\nPlease retry in 13.5s.",
                    "status": "RESOURCE_EXHAUSTED",
                    "details": [
                      {
                        "@type": "type.googleapis.com/google.rpc.QuotaFailure",
                        "violations": [
                          {
                            "quotaMetric": "generativelanguage.googleapis.com/generate_content_free_tier_requests",
                            "quotaId": "GenerateRequestsPerDayPerProjectPerModel-FreeTier",
                            "quotaDimensions": {"location": "global", "model": "gemini-2.5-flash"},
                            "quotaValue": "250"
                          }
                        ]
                      },
                      {
                        "@type": "type.googleapis.com/google.rpc.RetryInfo",
                        "retryDelay": "13s"
                      }
                    ]
                  }
                }
                """;
    }

    static final String UNAVAILABLE_BODY = """
            {
              "error": {
                "code": 503,
                "message": "The model is overloaded. Please try again later.",
                "status": "UNAVAILABLE"
              }
            }
            """;

    static final String DEADLINE_BODY = """
            {
              "error": {
                "code": 504,
                "message": "The request timed out. Please try again.",
                "status": "DEADLINE_EXCEEDED"
              }
            }
            """;

    static final String INVALID_KEY_BODY = """
            {
              "error": {
                "code": 400,
                "message": "API key not valid. Please pass a valid API key.",
                "status": "INVALID_ARGUMENT",
                "details": [
                  {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "API_KEY_INVALID",
                    "domain": "googleapis.com",
                    "metadata": {"service": "generativelanguage.googleapis.com"}
                  }
                ]
              }
            }
            """;

    FakeGemini() throws IOException {
        super(request -> null, request -> request.target().contains(":streamGenerateContent")
                ? stream(DEFAULT_WORDS) : generate(DEFAULT_WORDS));
    }

    static RawHttpServer.Handler error(int status, String reason, String body) {
        return (request, exchange) -> exchange.respond(status, reason, "application/json; charset=UTF-8", body);
    }

    /** A normal streamed answer: one SSE event per piece, the last with finishReason STOP and usage. */
    static RawHttpServer.Handler stream(List<String> pieces) {
        return streamWithPause(pieces, Duration.ZERO, Duration.ZERO);
    }

    /** Streams after {@code firstByte} of silence, with {@code between} between events. */
    static RawHttpServer.Handler streamWithPause(List<String> pieces, Duration firstByte, Duration between) {
        return (request, exchange) -> {
            exchange.pause(firstByte);
            exchange.startStream("text/event-stream");
            for (int i = 0; i < pieces.size(); i++) {
                if (i > 0) {
                    exchange.pause(between);
                }
                exchange.chunk("data: " + event(pieces.get(i), i == pieces.size() - 1 ? "STOP" : null) + "\r\n\r\n");
            }
            exchange.end();
        };
    }

    /** Streams {@code before} (half a second apart, so the client reads them), then resets the connection. */
    static RawHttpServer.Handler resetAfter(List<String> before) {
        return (request, exchange) -> {
            exchange.startStream("text/event-stream");
            for (String piece : before) {
                exchange.chunk("data: " + event(piece, null) + "\r\n\r\n");
                exchange.pause(Duration.ofMillis(500));
            }
            exchange.reset();
        };
    }

    /** The non-streaming {@code :generateContent} answer. */
    static RawHttpServer.Handler generate(List<String> pieces) {
        return (request, exchange) -> exchange.respond(200, "OK", "application/json; charset=UTF-8",
                event(String.join("", pieces), "STOP"));
    }

    static String event(String text, String finishReason) {
        ObjectNode response = EventJson.mapper().createObjectNode();
        ArrayNode candidates = response.putArray("candidates");
        ObjectNode candidate = candidates.addObject();
        ObjectNode content = candidate.putObject("content");
        content.putArray("parts").addObject().put("text", text);
        content.put("role", "model");
        candidate.put("index", 0);
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
            ObjectNode usage = response.putObject("usageMetadata");
            usage.put("promptTokenCount", 12);
            usage.put("candidatesTokenCount", 7);
            usage.put("totalTokenCount", 19);
        }
        response.put("modelVersion", "gemini-2.5-flash");
        response.put("responseId", "fake-response");
        return response.toString();
    }
}
