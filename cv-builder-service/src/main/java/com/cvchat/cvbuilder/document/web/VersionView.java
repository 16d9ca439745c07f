package com.cvchat.cvbuilder.document.web;

import com.cvchat.cvbuilder.document.DataJson;
import com.cvchat.cvbuilder.document.DocumentVersionRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * One version of a document: how it came to be ({@code finalize}, {@code restore} with {@code restored_from}, or
 * {@code import}) and, when asked for one version, its {@code cv_data}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record VersionView(int version, String title, String templateCode, String source, String sessionId,
                   Integer restoredFrom, Instant createdAt, JsonNode cvData) {

    static VersionView summary(DocumentVersionRecord v) {
        return new VersionView(v.version(), v.title(), v.templateCode(), v.source(), v.sessionId(), v.restoredFrom(),
                v.createdAt(), null);
    }

    static VersionView full(DocumentVersionRecord v) {
        return new VersionView(v.version(), v.title(), v.templateCode(), v.source(), v.sessionId(), v.restoredFrom(),
                v.createdAt(), DataJson.fromBson(v.data()));
    }
}
