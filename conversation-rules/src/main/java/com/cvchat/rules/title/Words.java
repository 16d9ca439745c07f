package com.cvchat.rules.title;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Word helpers of titles and of answers that say a topic back. */
public final class Words {

    private static final Set<String> DOUBLED = Set.of("stop", "plan", "run", "get", "set", "put", "shop", "chat", "swim",
            "begin", "sit", "cut", "win", "jog", "ship", "map", "scan", "trim", "drop", "prep");
    /** Words a title neither keeps ("my", "next week") nor ends on ("for", "a"). */
    private static final Set<String> DROPPED = Set.of("my", "our", "your", "really", "just", "please", "actually",
            "basically", "tomorrow", "today", "tonight", "soon", "now");
    private static final Set<String> TRAILING = Set.of("a", "an", "the", "for", "to", "of", "and", "or", "in", "on",
            "with", "at", "by", "from", "about", "is", "are", "while", "what", "next", "this");
    static final int TITLE_WORDS = 6;
    private static final Set<String> FOLLOWS_VERB = Set.of("a", "an", "the", "my", "your", "this", "that", "these",
            "those", "it", "so", "when", "after", "on", "in", "at", "to", "up", "out", "every", "all", "me", "us", "them");
    private static final Set<String> PREPOSITIONS = Set.of("for", "at", "in", "on", "of", "into", "with", "from", "to", "about",
            "during", "after", "before", "while");

    private Words() {
    }

    /** "prepare" → "preparing", "plan" → "planning", "tie" → "tying". */
    static String gerund(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.endsWith("ie")) {
            return v.substring(0, v.length() - 2) + "ying";
        }
        if (v.endsWith("e") && !v.endsWith("ee") && !v.endsWith("ye") && !v.endsWith("oe") && v.length() > 2) {
            return v.substring(0, v.length() - 1) + "ing";
        }
        return DOUBLED.contains(v) ? v + v.charAt(v.length() - 1) + "ing" : v + "ing";
    }

    /** Words that count toward a title's length (filler words do not). */
    static int count(String phrase) {
        return (int) Arrays.stream(phrase.split("\\s+")).filter(w -> !DROPPED.contains(w.toLowerCase(Locale.ROOT))).count();
    }

    /** "does", "my java code throw a NullPointerException" → "Why java code throws a NullPointerException". */
    static String why(String aux, String rest) {
        List<String> words = new ArrayList<>(Arrays.asList(rest.split("\\s+")));
        String a = aux.toLowerCase(Locale.ROOT);
        if (a.equals("is") || a.equals("are")) {
            return words.size() < 2 ? "Why " + rest : "Why " + String.join(" ", words.subList(0, words.size() - 1))
                    + " " + a + " " + words.getLast();
        }
        int verb = words.size() - 1;
        for (int i = 1; i < words.size() - 1; i++) {
            if (FOLLOWS_VERB.contains(words.get(i + 1).toLowerCase(Locale.ROOT))) {
                verb = i;
                break;
            }
        }
        String v = words.get(verb);
        words.set(verb, a.equals("does") ? thirdPerson(v) : v);
        return "Why " + String.join(" ", words);
    }

    private static String thirdPerson(String verb) {
        if (verb.matches("(?i).*(?:s|sh|ch|x|z|o)")) {
            return verb + "es";
        }
        return verb.matches("(?i).*[^aeiou]y") ? verb.substring(0, verb.length() - 1) + "ies" : verb + "s";
    }

    /** "first job interview is tomorrow" → "first job interview": the words before the verb. */
    static String subject(String clause) {
        String[] words = clause.split("\\s+");
        List<String> kept = new ArrayList<>();
        for (String word : words) {
            if (Set.of("is", "are", "was", "were", "will", "starts", "begins").contains(word.toLowerCase(Locale.ROOT))) {
                break;
            }
            kept.add(word);
        }
        return String.join(" ", kept);
    }

    /** A phrase of a message as a title: no filler words, at most six words, first letter upper case. */
    static String title(String phrase) {
        List<String> words = new ArrayList<>(Arrays.stream(phrase.replaceAll("[^\\p{L}\\p{N}'’+#.\\s-]", " ").split("\\s+"))
                .map(w -> w.replaceAll("^[.'’-]+|[.'’-]+$", ""))
                .filter(w -> !w.isEmpty() && !DROPPED.contains(w.toLowerCase(Locale.ROOT)))
                .toList());
        String joined = String.join(" ", words).replaceAll("(?i)\\b(?:next|this|last) (?:week|month|year)\\b", "").strip();
        return shortened(new ArrayList<>(Arrays.asList(joined.split("\\s+"))), true);
    }

    /** A title someone else wrote, kept as written when it fits; else cut like a phrase. */
    static String fitted(String title) {
        List<String> words = new ArrayList<>(Arrays.asList(title.strip().split("\\s+")));
        boolean fits = words.size() <= TITLE_WORDS && title.strip().length() <= Titles.MAX_LENGTH;
        return fits ? title.strip() : shortened(words, false);
    }

    /**
     * At most six words, cut before a preposition where one is near the end rather than mid-phrase; not ending on a
     * small word; at most 60 characters; first letter upper case ({@code upper}) or as written.
     */
    private static String shortened(List<String> words, boolean upper) {
        boolean cut = words.size() > TITLE_WORDS;
        if (cut) {
            int at = TITLE_WORDS;
            for (int i = TITLE_WORDS; i >= 2; i--) {
                if (PREPOSITIONS.contains(words.get(i).toLowerCase(Locale.ROOT))) {
                    at = i;
                    break;
                }
            }
            words = new ArrayList<>(words.subList(0, at));
        }
        while (words.size() > 1 && (String.join(" ", words).length() > Titles.MAX_LENGTH
                || ((cut || upper) && TRAILING.contains(words.getLast().toLowerCase(Locale.ROOT).replaceAll("\\p{Punct}+$", ""))))) {
            words.removeLast();
            cut = true;
        }
        String title = String.join(" ", words).strip().replaceAll("[\\p{Punct}&&[^)\\]'’+#]]+$", "");
        title = title.length() > Titles.MAX_LENGTH ? title.substring(0, Titles.MAX_LENGTH).strip() : title;
        return title.isEmpty() || !upper ? title : Character.toUpperCase(title.charAt(0)) + title.substring(1);
    }

    /** The phrase as the answer says it back: "my" → "your", "I" → "you". */
    public static String spokenBack(String phrase) {
        return phrase.replaceAll("(?i)\\bmy\\b", "your").replaceAll("(?i)\\bI am\\b|\\bI'm\\b", "you are")
                .replaceAll("\\bI\\b", "you").replaceAll("(?i)\\bme\\b", "you").strip();
    }
}
