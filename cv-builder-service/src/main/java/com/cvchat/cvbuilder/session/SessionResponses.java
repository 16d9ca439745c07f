package com.cvchat.cvbuilder.session;

import com.cvchat.cvbuilder.document.FinalizedDocument;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;

/** Response bodies of the session endpoints, exactly as cv-chat-api.md shows them (snake_case on the wire). */
final class SessionResponses {

    private SessionResponses() {
    }

    record Started(String sessionId, String message, JsonNode cvData, int progress, boolean isComplete) {
    }

    record Replied(String sessionId, String message, JsonNode cvData, int progress, boolean isComplete,
                   List<String> fieldsCollected, List<String> missingFields) {
    }

    /** The answer to an edit of the data by hand: the session's data and progress after it. */
    record Edited(String sessionId, JsonNode cvData, int progress, boolean isComplete, List<String> fieldsCollected,
                  List<String> missingFields) {
    }

    record Part(String text) {
    }

    record HistoryEntry(String role, List<Part> parts, Instant timestamp) {
        static HistoryEntry of(HistoryMessage message) {
            return new HistoryEntry(message.role(), List.of(new Part(message.text())), message.timestamp());
        }
    }

    record Details(String sessionId, String docType, String status, List<HistoryEntry> conversationHistory,
                   JsonNode currentCvData, int progress, List<String> fieldsCollected, Instant createdAt,
                   Instant updatedAt, String documentId) {
    }

    record Summary(String sessionId, String docType, String status, int progress, Instant updatedAt,
                   String documentId, String title) {
    }

    record Sessions(List<Summary> sessions) {
    }

    record Document(String id, String userId, String docType, String title, String slug, String mongoDocumentId,
                    int currentVersion, Instant createdAt, Instant updatedAt) {
        static Document of(FinalizedDocument document) {
            return new Document(document.id(), document.userId(), document.docType(), document.title(),
                    document.slug(), document.mongoDocumentId(), document.currentVersion(), document.createdAt(),
                    document.updatedAt());
        }
    }

    record Finalized(String message, Document document, JsonNode cvData) {
    }
}
