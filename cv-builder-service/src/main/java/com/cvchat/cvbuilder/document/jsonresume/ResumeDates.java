package com.cvchat.cvbuilder.document.jsonresume;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates between cv_data ({@code MM/YYYY}, or {@code "Present"} for an end date) and JSON Resume (ISO 8601
 * {@code YYYY-MM}, {@code YYYY} or {@code YYYY-MM-DD}; no end date = ongoing).
 */
final class ResumeDates {

    static final String PRESENT = "Present";

    private static final Pattern CV_MONTH = Pattern.compile("(\\d{1,2})/(\\d{4})");
    private static final Pattern YEAR = Pattern.compile("[12]\\d{3}");
    private static final Pattern ISO = Pattern.compile("([12]\\d{3})-([01]\\d)(?:-[0-3]\\d)?");

    private ResumeDates() {
    }

    /** The ISO form of a cv_data date, or null when it has none (blank, "Present", free text). */
    static String toIso(String cvDate) {
        String value = cvDate == null ? "" : cvDate.strip();
        Matcher month = CV_MONTH.matcher(value);
        if (month.matches()) {
            int m = Integer.parseInt(month.group(1));
            return m >= 1 && m <= 12 ? month.group(2) + "-" + String.format("%02d", m) : month.group(2);
        }
        return YEAR.matcher(value).matches() ? value : null;
    }

    /** The cv_data form of an ISO date: {@code MM/YYYY}, or the year alone; blank when absent or unreadable. */
    static String fromIso(String isoDate) {
        String value = isoDate == null ? "" : isoDate.strip();
        Matcher iso = ISO.matcher(value);
        if (iso.matches()) {
            return iso.group(2) + "/" + iso.group(1);
        }
        return YEAR.matcher(value).matches() ? value : "";
    }
}
