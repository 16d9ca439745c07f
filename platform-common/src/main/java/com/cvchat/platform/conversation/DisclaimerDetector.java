package com.cvchat.platform.conversation;

import java.util.Optional;

/**
 * Deterministic detection of sensitive topics (pregnancy, medical, mental_health, legal, financial) in a user's
 * message and the AI's answer, shared by chat-service and voice-service. Implemented with the chat feature.
 */
public final class DisclaimerDetector {

    private DisclaimerDetector() {
    }

    /** The disclaimer for this exchange, or empty when no sensitive topic is detected. */
    public static Optional<Disclaimer> detect(String userMessage, String aiText) {
        return Optional.empty();
    }
}
