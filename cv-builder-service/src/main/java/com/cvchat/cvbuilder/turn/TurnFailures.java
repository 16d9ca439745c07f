package com.cvchat.cvbuilder.turn;

import com.cvchat.events.llm.LlmFailed;
import com.cvchat.platform.web.ApiException;
import org.springframework.http.HttpStatus;

/** Turns a failed model request into the error the client sees (cv-chat-api.md, Error Handling). */
final class TurnFailures {

    static final String API_KEY_MISSING = "Gemini API key not set. Please set your API key first.";

    private TurnFailures() {
    }

    static ApiException toApiException(LlmFailed failed) {
        return switch (failed.reason()) {
            case API_KEY_MISSING -> ApiException.badRequest(API_KEY_MISSING);
            case API_KEY_INVALID -> ApiException.badRequest("The Gemini API key was rejected. Please check your API key.");
            case BLOCKED -> ApiException.badRequest("The AI model declined to answer this message. Please rephrase it.");
            case INVALID_REQUEST -> ApiException.badRequest("The AI model could not process this message.");
            case RATE_LIMITED, QUOTA_EXHAUSTED -> new ApiException(HttpStatus.TOO_MANY_REQUESTS,
                    "The AI model is over its rate limit or quota. Please try again later.");
            case TIMEOUT -> new ApiException(HttpStatus.GATEWAY_TIMEOUT,
                    "The AI model did not answer in time. Please try again.");
            case PROVIDER_UNAVAILABLE, PROVIDER_ERROR, CANCELLED -> new ApiException(HttpStatus.BAD_GATEWAY,
                    "The AI model could not answer right now. Please try again.");
        };
    }
}
