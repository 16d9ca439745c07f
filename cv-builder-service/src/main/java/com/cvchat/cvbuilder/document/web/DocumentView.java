package com.cvchat.cvbuilder.document.web;

import com.cvchat.cvbuilder.document.DocumentRecord;
import com.cvchat.cvbuilder.document.DocumentVersionRecord;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/** A document's metadata on the documents API: the finalize response's {@code document} plus its template. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record DocumentView(String id, String userId, String docType, String title, String slug, String templateCode,
                    String mongoDocumentId, int currentVersion, Instant createdAt, Instant updatedAt) {

    static DocumentView of(DocumentRecord d) {
        return new DocumentView(d.id(), d.userId(), d.docType(), d.title(), d.slug(), d.templateCode(),
                DocumentVersionRecord.idOf(d.id(), d.currentVersion()), d.currentVersion(), d.createdAt(), d.updatedAt());
    }
}
