package com.cvchat.events.cv;

import java.util.List;
import java.util.Objects;

/**
 * The one text rule of CV and cover-letter data: a text is {@link String#strip() stripped} (Unicode white space at
 * both ends), a missing text is {@code ""}; a list of texts keeps its stripped, non-blank items in order, a missing list
 * is empty. Every record of this package applies it when it is made, so data read from the wire, built by a model or
 * mapped from JSON Resume reads the same everywhere.
 */
public final class WireText {

    private WireText() {
    }

    public static String of(String text) {
        return text == null ? "" : text.strip();
    }

    public static List<String> of(List<String> texts) {
        return texts == null ? List.of()
                : texts.stream().filter(Objects::nonNull).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** A list of records, without nulls; a missing list is empty. */
    static <T> List<T> items(List<T> items) {
        return items == null ? List.of() : items.stream().filter(Objects::nonNull).toList();
    }
}
