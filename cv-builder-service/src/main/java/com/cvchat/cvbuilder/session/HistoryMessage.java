package com.cvchat.cvbuilder.session;

import java.time.Instant;

/** One message of a session's conversation history ({@code role} is {@code user} or {@code model}). */
public record HistoryMessage(String messageId, String role, String text, Instant timestamp) {
}
