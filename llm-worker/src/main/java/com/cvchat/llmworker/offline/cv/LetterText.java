package com.cvchat.llmworker.offline.cv;

import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The cover letter's own words. Marked ("Opening: …", "Paragraph: …", "Closing: …") they go where the mark says;
 * unmarked (a message of five words or more that brings no new fact) they answer the section being written: the
 * opening, then body paragraphs, and once there is a body, a closing only when it sounds like one ("I look forward
 * to …", "Thank you …") — anything else is one more paragraph.
 */
final class LetterText {

    private static final Pattern MARKED = Patterns.compile("\\b(opening|body|paragraph|closing)(?: paragraph)?:\\s*(.+)$");
    private static final Pattern CLOSING = Patterns.compile("\\b(?:look forward|thank you|thanks for|sincerely|best regards|"
            + "kind regards|hope to hear|hear from you|welcome the (?:chance|opportunity)|glad to discuss|"
            + "would be (?:glad|happy|delighted) to|for your (?:time|consideration)|considering my application)\\b");
    private static final int MIN_TEXT_WORDS = 5;

    private LetterText() {
    }

    /** Adds the letter text of {@code message} to {@code patch}; {@code facts} is what the letter holds with this turn's facts. */
    static void add(String message, Facts facts, boolean newFacts, ObjectNode patch) {
        String text = message.trim();
        Matcher marked = MARKED.matcher(text);
        if (marked.find()) {
            put(marked.group(1).toLowerCase(Locale.ROOT), marked.group(2).trim(), patch);
        } else if (!newFacts && text.split("\\s+").length >= MIN_TEXT_WORDS) {
            put(section(CoverLetterTurn.nextTopic(facts), text), text, patch);
        }
    }

    private static String section(String next, String text) {
        return switch (next) {
            case "opening", "body_paragraphs" -> next;
            case "closing", "done" -> CLOSING.matcher(text).find() ? "closing" : "body_paragraphs";
            default -> "";
        };
    }

    private static void put(String section, String text, ObjectNode patch) {
        switch (section) {
            case "opening" -> patch.put("opening", text);
            case "body", "paragraph", "body_paragraphs" -> patch.withArray("body_paragraphs").add(text);
            case "closing" -> patch.put("closing", text);
            default -> { }
        }
    }
}
