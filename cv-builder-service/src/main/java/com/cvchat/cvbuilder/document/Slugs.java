package com.cvchat.cvbuilder.document;

import java.text.Normalizer;
import java.util.Locale;

/**
 * URL- and file-name-safe slugs from titles: accents dropped ("Élodie" → "elodie"), letters of other scripts kept
 * ("Иван" → "иван"), everything else collapsed into single dashes, at most 80 characters.
 */
public final class Slugs {

    private static final int MAX_LENGTH = 80;

    private Slugs() {
    }

    public static String of(String title, String fallback) {
        String slug = Normalizer.normalize(title == null ? "" : title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "-")
                .replaceAll("(^-+)|(-+$)", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? fallback : slug;
    }
}
