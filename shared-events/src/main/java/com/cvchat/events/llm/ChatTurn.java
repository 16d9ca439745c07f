package com.cvchat.events.llm;

/**
 * One earlier message given to the model as context.
 *
 * @param role {@code user} or {@code model}
 * @param text the message text
 */
public record ChatTurn(String role, String text) {
    public static final String USER = "user";
    public static final String MODEL = "model";
}
