package com.cvchat.cvbuilder.document.template;

import com.cvchat.platform.web.ApiException;

import java.util.List;

/** The document templates (the spec's {@code template_code}); each exists for every export format. */
public final class TemplateCatalog {

    public static final String DEFAULT = "default";

    /** Codes in the order they are offered. */
    public static final List<String> CODES = List.of(DEFAULT, "professional", "modern");

    private TemplateCatalog() {
    }

    /** {@code code}, or {@link #DEFAULT} when null or blank; an unknown code is a 400 that lists the available ones. */
    public static String resolve(String code) {
        if (code == null || code.isBlank()) {
            return DEFAULT;
        }
        String trimmed = code.trim();
        if (!CODES.contains(trimmed)) {
            throw ApiException.badRequest("Unknown template '" + trimmed + "'. Available templates: "
                    + String.join(", ", CODES));
        }
        return trimmed;
    }
}
