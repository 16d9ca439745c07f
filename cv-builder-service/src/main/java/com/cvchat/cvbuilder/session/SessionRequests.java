package com.cvchat.cvbuilder.session;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of the session endpoints (snake_case on the wire). */
final class SessionRequests {

    private SessionRequests() {
    }

    record Start(@NotBlank(message = "is required and must not be empty") String initialMessage, String docType) {
    }

    record Message(@NotBlank(message = "is required") String sessionId,
                   @NotBlank(message = "is required and must not be empty") String message) {
    }

    record Finalize(@Size(max = 200, message = "must be at most 200 characters") String title,
                    @Size(max = 50, message = "must be at most 50 characters") String templateCode) {
    }
}
