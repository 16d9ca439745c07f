package com.cvchat.rules.disclaimer;

import java.util.List;

/** The {@code disclaimer} object of ai-chat-api.md's {@code done} event and voice {@code ai_response}. */
public record Disclaimer(String primaryCategory, List<String> detectedCategories, String message) {
}
