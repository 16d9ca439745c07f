package com.cvchat.cvbuilder.turn;

import com.cvchat.events.llm.LlmFailed;
import com.cvchat.platform.web.ApiException;
import com.cvchat.rules.failure.FailureTexts;
import org.springframework.http.HttpStatus;

/**
 * Turns a failed model request into the error the client sees (cv-chat-api.md, Error Handling): the status is this
 * service's choice, the text is the platform's one failure text ({@link FailureTexts}).
 */
final class TurnFailures {

    private TurnFailures() {
    }

    static ApiException toApiException(LlmFailed failed) {
        HttpStatus status = switch (failed.reason()) {
            case API_KEY_MISSING, API_KEY_INVALID, BLOCKED, INVALID_REQUEST -> HttpStatus.BAD_REQUEST;
            case RATE_LIMITED, QUOTA_EXHAUSTED -> HttpStatus.TOO_MANY_REQUESTS;
            case TIMEOUT -> HttpStatus.GATEWAY_TIMEOUT;
            case PROVIDER_UNAVAILABLE, PROVIDER_ERROR, CANCELLED -> HttpStatus.BAD_GATEWAY;
        };
        return new ApiException(status, FailureTexts.of(failed.reason()));
    }
}
