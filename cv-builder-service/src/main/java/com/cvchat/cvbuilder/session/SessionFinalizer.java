package com.cvchat.cvbuilder.session;

import com.cvchat.cvbuilder.document.DocumentFinalizer;
import com.cvchat.cvbuilder.document.FinalizedDocument;
import com.cvchat.events.conversation.CvSessionFinalized;
import com.cvchat.platform.web.ApiException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Finalize: turns the session's data into a document version (through the documents feature's
 * {@link DocumentFinalizer}), records {@code cv.session-finalized}, and marks the session completed. Finalizing an
 * incomplete session is allowed (the user decides when the document is good enough); finalizing again adds a version.
 */
@Service
class SessionFinalizer {

    private final SessionQueries queries;
    private final SessionEvents events;
    private final ObjectProvider<DocumentFinalizer> documents;
    private final Clock clock;

    SessionFinalizer(SessionQueries queries, SessionEvents events, ObjectProvider<DocumentFinalizer> documents,
                     Clock clock) {
        this.queries = queries;
        this.events = events;
        this.documents = documents;
        this.clock = clock;
    }

    SessionResponses.Finalized finalizeSession(String userId, String sessionId, String title, String templateCode) {
        SessionState session = queries.require(sessionId, userId);
        DocumentFinalizer finalizer = documents.getIfAvailable();
        if (finalizer == null) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "Documents cannot be created right now. Please try again later.");
        }
        JsonNode data = SessionService.currentData(session);
        FinalizedDocument document = finalizer.finalizeSession(userId, sessionId, session.docType(), blankToNull(title),
                blankToNull(templateCode), data);
        events.record(sessionId, userId, UUID.randomUUID().toString(),
                new CvSessionFinalized(document.id(), document.currentVersion(), document.title(),
                        templateCode == null || templateCode.isBlank() ? "default" : templateCode.trim()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        String what = "cv".equals(session.docType()) ? "CV" : "Cover letter";
        return new SessionResponses.Finalized(what + " created successfully from chat session",
                SessionResponses.Document.of(document), data);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
