package com.cvchat.cvbuilder.data;

import com.cvchat.platform.web.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The two kinds of document a session builds, with their wire names and data shapes. */
public enum DocType {
    CV("cv", new CvShape()),
    COVER_LETTER("cover_letter", new CoverLetterShape());

    private final String wireName;
    private final DocumentShape shape;

    DocType(String wireName, DocumentShape shape) {
        this.wireName = wireName;
        this.shape = shape;
    }

    public String wireName() {
        return wireName;
    }

    public DocumentShape shape() {
        return shape;
    }

    /** The doc type named {@code value}; a 400 naming the allowed values otherwise. */
    public static DocType parse(String value) {
        return Arrays.stream(values())
                .filter(type -> type.wireName.equals(value))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("doc_type must be one of: "
                        + Arrays.stream(values()).map(t -> "\"" + t.wireName + "\"").collect(Collectors.joining(", "))));
    }
}
