package com.cvchat.cvbuilder.document.render;

import com.cvchat.platform.web.ApiException;
import org.springframework.http.MediaType;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The {@code format} of {@code GET /api/v1/documents/{id}/export}: its content type and file extension. */
public enum ExportFormat {
    PDF("pdf", MediaType.APPLICATION_PDF, "pdf"),
    DOCX("docx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), "docx"),
    HTML("html", MediaType.parseMediaType("text/html;charset=UTF-8"), "html"),
    JSON_RESUME("json-resume", MediaType.APPLICATION_JSON, "json");

    private final String param;
    private final MediaType contentType;
    private final String extension;

    ExportFormat(String param, MediaType contentType, String extension) {
        this.param = param;
        this.contentType = contentType;
        this.extension = extension;
    }

    public static ExportFormat of(String value) {
        return Arrays.stream(values()).filter(f -> f.param.equalsIgnoreCase(value == null ? "" : value.strip()))
                .findFirst()
                .orElseThrow(() -> ApiException.badRequest("Unknown export format '" + value + "'. Available formats: "
                        + Arrays.stream(values()).map(f -> f.param).collect(Collectors.joining(", "))));
    }

    public MediaType contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }
}
