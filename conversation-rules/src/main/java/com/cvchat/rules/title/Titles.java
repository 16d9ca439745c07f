package com.cvchat.rules.title;

/**
 * The title of a conversation, the same rule on every path (chat, voice, the worker's {@code title} task): the topic in
 * at most {@value #MAX_WORDS} words and {@value #MAX_LENGTH} characters ("Preparing for a system design interview"),
 * never the first words of the message cut off. A model's title is cleaned to that shape; when there is none (the
 * model failed, or answered nothing usable) the title is the topic of the first message ({@link Topic}).
 */
public final class Titles {

    public static final int MAX_WORDS = Words.TITLE_WORDS;
    public static final int MAX_LENGTH = 60;
    /** The title of a message with no topic ("hello"). */
    public static final String FALLBACK = "New conversation";
    /** What a model is asked for a {@code title} request. */
    public static final String INSTRUCTION = "You write titles. Answer with the topic of the conversation that starts "
            + "with the user's message, in at most " + MAX_WORDS + " words and " + MAX_LENGTH + " characters (for "
            + "example: System design interview prep): no quotes, no trailing punctuation, never the message's first "
            + "words.";

    private Titles() {
    }

    /** The model's title cleaned, or, when it gave none, the topic of {@code firstMessage}. */
    public static String of(String modelAnswer, String firstMessage) {
        String cleaned = clean(modelAnswer);
        return cleaned.isEmpty() ? fromMessage(firstMessage) : cleaned;
    }

    /**
     * A model's answer in the title's shape: its first line without quotes, a "Title:" label, Markdown marks or
     * trailing punctuation, at most {@value #MAX_WORDS} words; empty when nothing is left.
     */
    public static String clean(String modelAnswer) {
        String line = modelAnswer == null ? "" : modelAnswer.strip().lines().map(String::strip)
                .filter(l -> !l.isEmpty()).findFirst().orElse("");
        String text = line.replaceAll("[\"“”„«»`*_]", "").replaceFirst("^#+\\s*", "").replaceAll("^(?i)title:\\s*", "")
                .replaceAll("[.!?:;,]+$", "").strip();
        return Words.fitted(text);
    }

    /** The topic of the first message as a title; {@link #FALLBACK} when it names none. */
    public static String fromMessage(String message) {
        String title = Words.title(Topic.of(message == null ? "" : message.strip()).action());
        return title.isEmpty() ? FALLBACK : title;
    }
}
