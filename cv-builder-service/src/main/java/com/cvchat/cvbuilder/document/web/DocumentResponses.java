package com.cvchat.cvbuilder.document.web;

import com.cvchat.cvbuilder.document.DataJson;
import com.cvchat.cvbuilder.document.DocumentRecord;
import com.cvchat.cvbuilder.document.DocumentVersionRecord;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.util.List;

/** Response bodies of the documents API. */
final class DocumentResponses {

    private DocumentResponses() {
    }

    /** A document with the data of a version ({@code message} on restore and import, like the finalize response). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WithData(String message, DocumentView document, JsonNode cvData) {

        static WithData of(String message, DocumentRecord document, DocumentVersionRecord version) {
            return new WithData(message, DocumentView.of(document), DataJson.fromBson(version.data()));
        }
    }

    /** One page of documents, most recently updated first; {@code page} starts at 1. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Page(List<DocumentView> documents, int page, int size, long total, long totalPages) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Versions(String documentId, int currentVersion, List<VersionView> versions) {
    }

    /** PATCH body: either field may be left out. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Update(String title, String templateCode) {
    }
}
