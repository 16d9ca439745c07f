package com.cvchat.cvbuilder.document;

import tools.jackson.databind.JsonNode;

/**
 * Turns a CV-builder session into a document version: the first finalize of a session creates the document
 * (version 1), each later finalize of the same session adds version 2, 3 …. Implemented by the documents feature;
 * called by the session's finalize endpoint.
 */
public interface DocumentFinalizer {

    /**
     * @param title        the document title, or null for the default {@code "My {doc_type}"}
     * @param templateCode the template, or null for {@code default}; an unknown one is rejected with a 400 ApiException
     */
    FinalizedDocument finalizeSession(String userId, String sessionId, String docType, String title,
                                      String templateCode, JsonNode data);
}
