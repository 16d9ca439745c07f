package com.cvchat.cvbuilder.session;

import com.cvchat.platform.web.ApiException;
import tools.jackson.databind.JsonNode;

/**
 * Request bodies of the session endpoints (snake_case on the wire). Checked by hand rather than with bean
 * validation so that error messages name the fields as the client writes them.
 */
final class SessionRequests {

    private SessionRequests() {
    }

    record Start(String initialMessage, String docType) {
        Start check() {
            requireText(initialMessage, "initial_message");
            return this;
        }
    }

    record Message(String sessionId, String message) {
        Message check() {
            requireText(sessionId, "session_id");
            requireText(message, "message");
            return this;
        }
    }

    record Finalize(String title, String templateCode) {
        Finalize check() {
            requireAtMost(title, "title", 200);
            requireAtMost(templateCode, "template_code", 50);
            return this;
        }
    }

    record EditData(JsonNode cvData) {
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(field + " is required and must not be empty");
        }
    }

    private static void requireAtMost(String value, String field, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest(field + " must be at most " + max + " characters");
        }
    }
}
