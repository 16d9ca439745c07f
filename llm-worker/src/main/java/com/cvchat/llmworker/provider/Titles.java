package com.cvchat.llmworker.provider;

/** The contract of a {@code title} answer: one line, no quotes, at most 60 characters. */
public final class Titles {

    public static final int MAX_LENGTH = 60;

    private Titles() {
    }

    /** Cleans a model's (or the offline provider's) title into the contract's shape. */
    public static String clean(String raw) {
        String line = raw == null ? "" : raw.strip().lines().findFirst().orElse("");
        String text = line.replaceAll("[\"“”„«»`]", "").replaceAll("^(?i)title:\\s*", "")
                .replaceAll("\\s+", " ").strip();
        text = text.replaceAll("[.!?:;,]+$", "");
        if (text.length() <= MAX_LENGTH) {
            return text.isEmpty() ? "New conversation" : text;
        }
        String cut = text.substring(0, MAX_LENGTH);
        int space = cut.lastIndexOf(' ');
        return (space > 20 ? cut.substring(0, space) : cut).strip();
    }
}
