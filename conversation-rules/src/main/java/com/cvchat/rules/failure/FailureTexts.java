package com.cvchat.rules.failure;

import com.cvchat.events.llm.FailureReason;

/**
 * What the user reads when a model request fails, per {@link FailureReason}: the one set of texts of chat, voice and
 * the CV builder (each service chooses only how to carry it: an SSE {@code error}, a voice {@code error} frame, an HTTP
 * error body).
 */
public final class FailureTexts {

    /** The spec's text for a user without a Gemini key (and no server key). */
    public static final String API_KEY_MISSING = "Gemini API key not set. Please set your API key first.";

    private FailureTexts() {
    }

    public static String of(FailureReason reason) {
        if (reason == null) {
            return "The AI could not answer. Please try again.";
        }
        return switch (reason) {
            case API_KEY_MISSING -> API_KEY_MISSING;
            case API_KEY_INVALID -> "Your Gemini API key was rejected. Please check it and set it again.";
            case RATE_LIMITED -> "The AI is receiving too many requests right now. Please try again in a moment.";
            case QUOTA_EXHAUSTED -> "The AI quota for today is used up. Please try again tomorrow.";
            case PROVIDER_UNAVAILABLE, TIMEOUT -> "The AI service is not available right now. Please try again.";
            case PROVIDER_ERROR -> "The AI service answered with an error. Please try again.";
            case BLOCKED -> "The answer was blocked by the AI's safety filters.";
            case CANCELLED -> "The answer was cancelled.";
            case INVALID_REQUEST -> "The AI could not process this message.";
        };
    }
}
