package com.cvchat.llmworker.offline.eval;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a found value counts as the expected one. Names, titles, skills …: equal after case, accents' composition,
 * punctuation and spacing are ignored ("Master's" = "masters", "B.Tech" = "BTech"). Dates: {@code MM/YYYY} equal, or the
 * expected value is a year alone (the user gave no month) and the found date is in that year. Free text (summary,
 * bullets, descriptions, letter paragraphs): the two share at least {@value #FREE_TEXT_OVERLAP} of their words, so a
 * model may drop a leading "I" or add a full stop.
 */
final class Values {

    static final double FREE_TEXT_OVERLAP = 0.6;

    private static final Set<String> FREE_TEXT = Set.of("summary", "description_bullets", "description", "opening",
            "body_paragraphs", "closing");
    private static final Set<String> DATES = Set.of("start_date", "end_date", "graduation_date");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\d{2}/(\\d{4})");

    private Values() {
    }

    static boolean match(String field, String expected, String found) {
        if (DATES.contains(field)) {
            Matcher monthYear = MONTH_YEAR.matcher(found);
            return expected.equalsIgnoreCase(found)
                    || (YEAR.matcher(expected).matches() && monthYear.matches() && monthYear.group(1).equals(expected));
        }
        if (FREE_TEXT.contains(field)) {
            return overlap(words(expected), words(found)) >= FREE_TEXT_OVERLAP;
        }
        return normalize(expected).equals(normalize(found));
    }

    static String normalize(String text) {
        String composed = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
        return composed.replaceAll("[^\\p{L}\\p{M}\\p{N}+#\\s]", "").replaceAll("\\s+", " ").trim();
    }

    private static Set<String> words(String text) {
        return new HashSet<>(Arrays.asList(normalize(text).split(" ")));
    }

    private static double overlap(Set<String> a, Set<String> b) {
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return all.isEmpty() ? 1 : (double) common.size() / all.size();
    }
}
