package com.cvchat.cvbuilder.session;

import com.cvchat.platform.openapi.PlatformApiDocs;
import com.cvchat.platform.openapi.RequestExample;
import com.cvchat.platform.openapi.ResponseExample;
import com.cvchat.platform.security.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "cv-builder", description = "Build a CV or cover letter by chatting (cv-chat-api): sessions, turns, edits, "
        + "preview, finalize into a document")
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

    @Operation(summary = "Start a CV or cover-letter session with a first message")
    @RequestExample(SessionExamples.START)
    @ApiResponse(responseCode = "201", description = "The session, the AI's reply and the data so far")
    @ResponseExample(SessionExamples.STARTED)
    @ApiResponse(responseCode = "400", description = "Gemini API key not set. Please set your API key first.")
    @ApiResponse(responseCode = "429", description = PlatformApiDocs.MODEL_LIMIT)
    @PostMapping("/start")
    @ResponseStatus(HttpStatus.CREATED)
    SessionResponses.Started start(@RequestBody SessionRequests.Start request) {
        SessionRequests.Start body = request.check();
        return sessions.start(CurrentUser.id(), body.docType(), body.initialMessage());
    }

    @Operation(summary = "Send the next message of a session",
            description = "JSON by default. With `Accept: text/event-stream` the reply streams as named Server-Sent "
                    + "Events: `chunk` (`{\"text\": \"...\"}`) while the turn runs, then one `done` carrying the JSON "
                    + "answer below, or one `error` (`{\"error\": \"...\"}`, also for bad input or an unknown session).")
    @RequestExample(SessionExamples.MESSAGE)
    @ApiResponse(responseCode = "200", description = "The AI's reply, the data, progress and missing sections")
    @ResponseExample(SessionExamples.REPLIED)
    @ApiResponse(responseCode = "404", description = "Chat session not found or expired")
    @ApiResponse(responseCode = "429", description = PlatformApiDocs.MODEL_LIMIT)
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

    @Operation(summary = "A session with its whole conversation and current data")
    @ApiResponse(responseCode = "404", description = "Chat session not found or expired")
    @GetMapping("/session/{sessionId}")
    SessionResponses.Details session(@PathVariable String sessionId) {
        return sessions.details(CurrentUser.id(), sessionId);
    }

    /** The user's own corrections: {@code {"cv_data": <JSON Merge Patch of the data>}}. */
    @Operation(summary = "Correct the data by hand",
            description = "`{\"cv_data\": <JSON Merge Patch (RFC 7396) of the data>}`: fields given replace, "
                    + "null removes.")
    @RequestExample("{\"cv_data\": {\"personal_info\": {\"phone\": \"+1-555-9999\"}}}")
    @ApiResponse(responseCode = "400", description = "cv_data is required and must be an object")
    @ApiResponse(responseCode = "404", description = "Chat session not found or expired")
    @PatchMapping("/session/{sessionId}/data")
    SessionResponses.Edited patchData(@PathVariable String sessionId, @RequestBody SessionRequests.EditData request) {
        return edits.patch(CurrentUser.id(), sessionId, request.cvData());
    }

    /** The data as the export's HTML template draws it (the preview of what Finalize will produce). */
    @Operation(summary = "The data drawn by the export's HTML template (what Finalize will produce)",
            description = "`template`: a template code (default: `default`).")
    @ApiResponse(responseCode = "400", description = "Unknown template 'fancy'")
    @ApiResponse(responseCode = "404", description = "Chat session not found or expired")
    @GetMapping(value = "/session/{sessionId}/preview", produces = "text/html;charset=UTF-8")
    String preview(@PathVariable String sessionId, @RequestParam(name = "template", required = false) String template) {
        return edits.preview(CurrentUser.id(), sessionId, template);
    }

    @Operation(summary = "The user's sessions, most recently updated first")
    @ApiResponse(responseCode = "200", description = "The sessions")
    @ResponseExample(SessionExamples.SESSIONS)
    @GetMapping("/sessions")
    SessionResponses.Sessions list() {
        return sessions.list(CurrentUser.id());
    }

    @Operation(summary = "Turn the session into a document (version 1, or the next version of its document)",
            description = "`title` defaults to \"My {doc_type}\", `template_code` to `default`; "
                    + "the body may be omitted.")
    @RequestExample(SessionExamples.FINALIZE)
    @ApiResponse(responseCode = "200", description = "The document and its data")
    @ResponseExample(SessionExamples.FINALIZED)
    @ApiResponse(responseCode = "404", description = "Chat session not found or expired")
    @PostMapping("/session/{sessionId}/finalize")
    SessionResponses.Finalized finalizeSession(@PathVariable String sessionId,
                                               @RequestBody(required = false) SessionRequests.Finalize request) {
        SessionRequests.Finalize body = (request == null ? new SessionRequests.Finalize(null, null) : request).check();
        return finalizer.finalizeSession(CurrentUser.id(), sessionId, body.title(), body.templateCode());
    }
}
