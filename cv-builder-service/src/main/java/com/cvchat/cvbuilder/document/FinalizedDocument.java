package com.cvchat.cvbuilder.document;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

import java.time.Instant;

/**
 * The {@code document} object of the finalize response (cv-chat-api.md, Finalize Session), also the metadata part of
 * the documents API. {@code mongoDocumentId} is the id of the current version's record in MongoDB
 * ({@code document_versions}).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
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
