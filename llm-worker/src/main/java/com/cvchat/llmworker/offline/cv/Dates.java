package com.cvchat.llmworker.offline.cv;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises dates written in natural ways to the spec's {@code MM/YYYY} (or {@code Present}). A year alone becomes
 * {@code 01/YYYY}, since the format needs a month.
 */
final class Dates {

    /** A date as people write it: "January 2020", "Jan. 2020", "01/2020", "1-2020", "2020-01", "2020", "now". */
    static final String DATE = "(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?,?\\s+(?:of\\s+)?\\d{4}"
            + "|\\d{1,2}[/.-]\\d{4}|\\d{4}[/.-]\\d{1,2}(?![\\d])|(?:19|20)\\d{2}"
            + "|present|now|today|current(?:ly)?|the present(?: day)?)";

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));

    private static final Pattern MONTH_NAME = Patterns.cased("([a-z]{3})[a-z]*\\.?,?\\s+(?:of\\s+)?(\\d{4})");
    private static final Pattern MONTH_YEAR = Patterns.cased("(\\d{1,2})[/.-](\\d{4})");
    private static final Pattern YEAR_MONTH = Patterns.cased("(\\d{4})[/.-](\\d{1,2})");
    private static final Pattern YEAR = Patterns.cased("(\\d{4})");

    private Dates() {
    }

    /** {@code MM/YYYY}, {@code Present}, or "" when {@code text} is no date. */
    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.matches("present|now|today|current(ly)?|the present( day)?")) {
            return "Present";
        }
        Matcher m = MONTH_NAME.matcher(value);
        if (m.matches() && MONTHS.containsKey(m.group(1))) {
            return format(MONTHS.get(m.group(1)), m.group(2));
        }
        m = MONTH_YEAR.matcher(value);
        if (m.matches()) {
            return format(Integer.parseInt(m.group(1)), m.group(2));
        }
        m = YEAR_MONTH.matcher(value);
        if (m.matches()) {
            return format(Integer.parseInt(m.group(2)), m.group(1));
        }
        m = YEAR.matcher(value);
        return m.matches() ? format(1, m.group(1)) : "";
    }

    private static String format(int month, String year) {
        return month >= 1 && month <= 12 ? "%02d/%s".formatted(month, year) : "";
    }
}
