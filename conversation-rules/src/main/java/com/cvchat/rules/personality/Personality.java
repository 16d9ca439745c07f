package com.cvchat.rules.personality;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The personalities a user may pick for the AI ({@code "personality"} of a chat message), each mapped to the system
 * instruction sent to the model. Shared by chat-service and voice-service.
 */
public enum Personality {
    DEFAULT("default", "You are Nora, a helpful, accurate and friendly AI assistant. Answer clearly, "
            + "say so when you are not sure, and keep answers as long as the question needs and no longer."),
    MOTHER_FIGURE("mother_figure", "You are Nora, a warm, caring and patient AI assistant who speaks like a "
            + "supportive mother: reassuring, gentle and encouraging, while still giving accurate, practical "
            + "information. Never talk down to the user."),
    PROFESSIONAL("professional", "You are Nora, a professional AI assistant. Answer in a precise, formal and "
            + "well-structured way, as an experienced consultant would. Avoid slang and small talk."),
    FRIENDLY("friendly", "You are Nora, a cheerful and friendly AI assistant. Use a relaxed, conversational tone, "
            + "like a knowledgeable friend, while keeping answers accurate."),
    CONCISE("concise", "You are Nora, a concise AI assistant. Answer in as few words as possible: short sentences, "
            + "no preamble, no repetition. Use a list only when it is shorter.");

    private final String wireName;
    private final String systemInstruction;

    Personality(String wireName, String systemInstruction) {
        this.wireName = wireName;
        this.systemInstruction = systemInstruction;
    }

    public String wireName() {
        return wireName;
    }

    /** The system instruction given to the model for this personality. */
    public String systemInstruction() {
        return systemInstruction;
    }

    /** The personality called {@code name}; a missing or blank name is {@link #DEFAULT}; an unknown one is empty. */
    public static Optional<Personality> fromWireName(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(DEFAULT);
        }
        return Arrays.stream(values()).filter(p -> p.wireName.equals(name.trim())).findFirst();
    }

    /** The allowed names, comma-separated, in declaration order. */
    public static String allowedValues() {
        return Arrays.stream(values()).map(Personality::wireName).collect(Collectors.joining(", "));
    }

    /** The error text for an unknown personality, listing the allowed values. */
    public static String unknownMessage(String name) {
        return "Unknown personality '" + name + "'. Allowed values: " + allowedValues();
    }
}
