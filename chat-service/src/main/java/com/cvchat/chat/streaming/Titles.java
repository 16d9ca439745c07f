package com.cvchat.chat.streaming;

/** Conversation titles from the model's {@code title} answer, or from the first message when the model fails. */
final class Titles {

    static final int MAX_LENGTH = 60;
    static final String INSTRUCTION = "Write a short title (at most " + MAX_LENGTH + " characters, no quotes) for a "
            + "conversation that starts with the user's message. Answer with the title only.";

    private Titles() {
    }

    /** The first line of the model's answer, without quotes or a trailing full stop, at most 60 characters. */
    static String clean(String modelText) {
        String text = modelText == null ? "" : modelText.strip();
        int newline = text.indexOf('\n');
        if (newline >= 0) {
            text = text.substring(0, newline).strip();
        }
        text = text.replaceAll("^(?i)title:\\s*", "").replaceAll("[\"“”«»]", "").strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return shorten(text);
    }

    /** A title made from the first message itself. */
    static String fromMessage(String message) {
        return shorten(message == null ? "" : message.strip().replaceAll("\\s+", " "));
    }

    private static String shorten(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_LENGTH - 1);
        return (cut > MAX_LENGTH / 2 ? text.substring(0, cut) : text.substring(0, MAX_LENGTH - 1)).strip() + "…";
    }
}
