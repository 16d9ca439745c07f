package com.cvchat.cvbuilder.document;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * Read model of a document's metadata (collection {@code documents}); written only by {@link DocumentProjector}.
 *
 * @param metadataAt occurred-at of the event that set title, slug and template (the newest one wins)
 * @param deleted    tombstone: a deleted document never comes back, whatever order events arrive in
 */
@Document(DocumentRecord.COLLECTION)
public record DocumentRecord(
        @Id String id,
        String userId,
        String docType,
        String title,
        String slug,
        String templateCode,
        String sessionId,
        Integer currentVersion,
        Instant createdAt,
        Instant updatedAt,
        Instant metadataAt,
        Boolean deleted) {

    public static final String COLLECTION = "documents";

    public FinalizedDocument toView() {
        return new FinalizedDocument(id, userId, docType, title, slug,
                DocumentVersionRecord.idOf(id, currentVersion), currentVersion, createdAt, updatedAt);
    }
}
