package com.cvchat.cvbuilder.document;

import java.time.Instant;

/** The {@code document} object of the finalize response (cv-chat-api.md, Finalize Session). */
public record FinalizedDocument(
        String id,
        String userId,
        String docType,
        String title,
        String slug,
        String mongoDocumentId,
        int currentVersion,
        Instant createdAt,
        Instant updatedAt) {
}
