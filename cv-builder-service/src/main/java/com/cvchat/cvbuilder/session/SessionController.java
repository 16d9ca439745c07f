package com.cvchat.cvbuilder.session;

import com.cvchat.platform.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The conversational builder's endpoints of cv-chat-api.md ({@code /api/v1/chat/...}). */
@RestController
@RequestMapping("/api/v1/chat")
class SessionController {

    private final SessionService sessions;
    private final SessionFinalizer finalizer;
    private final SessionStreams streams;
    private final SessionEdits edits;

    SessionController(SessionService sessions, SessionFinalizer finalizer, SessionStreams streams, SessionEdits edits) {
        this.sessions = sessions;
        this.finalizer = finalizer;
        this.streams = streams;
        this.edits = edits;
    }

    @PostMapping("/start")
    @ResponseStatus(HttpStatus.CREATED)
    SessionResponses.Started start(@RequestBody SessionRequests.Start request) {
        SessionRequests.Start body = request.check();
        return sessions.start(CurrentUser.id(), body.docType(), body.initialMessage());
    }

    @PostMapping("/message")
    SessionResponses.Replied message(@RequestBody SessionRequests.Message request) {
        SessionRequests.Message body = request.check();
        return sessions.message(CurrentUser.id(), body.sessionId(), body.message());
    }

    @PostMapping(value = "/message", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter messageStream(@RequestBody SessionRequests.Message request) {
        // checked before the stream opens: a bad request is a 400 (someone else's session a 404), not a 200 stream
        // with an error event
        SessionRequests.Message body = request.check();
        sessions.checkTurn(CurrentUser.id(), body.sessionId(), body.message());
        return streams.message(CurrentUser.id(), body);
    }

    @GetMapping("/session/{sessionId}")
    SessionResponses.Details session(@PathVariable String sessionId) {
        return sessions.details(CurrentUser.id(), sessionId);
    }

    /** The user's own corrections: {@code {"cv_data": <JSON Merge Patch of the data>}}. */
    @PatchMapping("/session/{sessionId}/data")
    SessionResponses.Edited patchData(@PathVariable String sessionId, @RequestBody SessionRequests.EditData request) {
        return edits.patch(CurrentUser.id(), sessionId, request.cvData());
    }

    /** The data as the export's HTML template draws it (the preview of what Finalize will produce). */
    @GetMapping(value = "/session/{sessionId}/preview", produces = "text/html;charset=UTF-8")
    String preview(@PathVariable String sessionId, @RequestParam(name = "template", required = false) String template) {
        return edits.preview(CurrentUser.id(), sessionId, template);
    }

    @GetMapping("/sessions")
    SessionResponses.Sessions list() {
        return sessions.list(CurrentUser.id());
    }

    @PostMapping("/session/{sessionId}/finalize")
    SessionResponses.Finalized finalizeSession(@PathVariable String sessionId,
                                               @RequestBody(required = false) SessionRequests.Finalize request) {
        SessionRequests.Finalize body = (request == null ? new SessionRequests.Finalize(null, null) : request).check();
        return finalizer.finalizeSession(CurrentUser.id(), sessionId, body.title(), body.templateCode());
    }
}
