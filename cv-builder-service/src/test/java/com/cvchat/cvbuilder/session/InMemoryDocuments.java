package com.cvchat.cvbuilder.session;

import com.cvchat.cvbuilder.document.DocumentFinalizer;
import com.cvchat.cvbuilder.document.FinalizedDocument;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session tests' stand-in for the documents feature (which owns {@link DocumentFinalizer}): one document per
 * session, a new version per finalize. The end-to-end tests run the real one.
 */
class InMemoryDocuments implements DocumentFinalizer {

    final Map<String, FinalizedDocument> bySession = new ConcurrentHashMap<>();
    final Map<String, JsonNode> lastData = new ConcurrentHashMap<>();

    @Override
    public FinalizedDocument finalizeSession(String userId, String sessionId, String docType, String title,
                                             String templateCode, JsonNode data) {
        lastData.put(sessionId, data);
        return bySession.compute(sessionId, (id, old) -> {
            String name = title == null ? "My " + docType : title;
            Instant now = Instant.now();
            return old == null
                    ? new FinalizedDocument(UUID.randomUUID().toString(), userId, docType, name,
                    name.toLowerCase().replaceAll("[^a-z0-9]+", "-"), UUID.randomUUID().toString(), 1, now, now)
                    : new FinalizedDocument(old.id(), userId, docType, name, old.slug(), old.mongoDocumentId(),
                    old.currentVersion() + 1, old.createdAt(), now);
        });
    }
}
