package com.cvchat.cvbuilder.document;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * One immutable version of a document's data (collection {@code document_versions}); written only by
 * {@link DocumentProjector}. Its id is {@code <document id>-v<version>}.
 */
@Document(DocumentVersionRecord.COLLECTION)
public record DocumentVersionRecord(
        @Id String id,
        String documentId,
        int version,
        String title,
        String templateCode,
        org.bson.Document data,
        String source,
        String sessionId,
        Integer restoredFrom,
        Instant createdAt) {

    public static final String COLLECTION = "document_versions";

    public static String idOf(String documentId, int version) {
        return documentId + "-v" + version;
    }
}
