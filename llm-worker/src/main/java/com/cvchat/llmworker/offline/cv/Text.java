package com.cvchat.llmworker.offline.cv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Small text helpers of the offline extractor. */
final class Text {

    private static final Pattern LIST_SEPARATORS = Patterns.cased("\\s*(?:,|;|\\band\\b|\\bas well as\\b|\\bplus\\b)\\s*");
    private static final Pattern SENTENCE_END = Patterns.cased("(?<=[.!?])\\s+(?=[A-Z\"“])|\\n+");
    private static final Set<String> SMALL_WORDS = Set.of("of", "and", "in", "for", "the", "a", "an", "to", "at", "on");

    private Text() {
    }

    /** The message split into sentences (on ., ! or ? followed by a capital, and on line breaks). */
    static List<String> sentences(String message) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : SENTENCE_END.split(message.trim())) {
            if (!sentence.isBlank()) {
                sentences.add(sentence.trim());
            }
        }
        return sentences;
    }

    /** "senior data scientist" → "Senior Data Scientist" (small words stay lower case; acronyms stay as written). */
    static String titleCase(String text) {
        String[] words = clean(text).split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (word.isEmpty()) {
                continue;
            }
            if (i > 0) {
                out.append(' ');
            }
            boolean small = i > 0 && SMALL_WORDS.contains(word.toLowerCase(Locale.ROOT));
            out.append(small ? word.toLowerCase(Locale.ROOT) : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }

    /** "Python, SQL and Spark." → [Python, SQL, Spark]. */
    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String item : LIST_SEPARATORS.split(clean(text))) {
            String value = clean(item.replaceFirst("(?i)^(?:also|too)\\s+", ""));
            if (!value.isEmpty() && !value.equalsIgnoreCase("etc")) {
                items.add(value);
            }
        }
        return items;
    }

    /** Trims spaces, quotes and trailing punctuation. */
    static String clean(String text) {
        return text == null ? "" : text.trim().replaceAll("^[\"'“”\\s]+|[\"'“”\\s.,;:!?]+$", "");
    }

    /** First letter upper case; a leading "I " dropped ("I led a team" → "Led a team"). */
    static String bullet(String text) {
        String value = clean(text).replaceFirst("^(?:I|i)\\s+(?:also\\s+)?", "");
        return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
    }
}
