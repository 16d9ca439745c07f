package com.cvchat.cvbuilder.session;

import com.cvchat.cvbuilder.data.DocType;
import com.cvchat.cvbuilder.data.DocumentShape;
import com.cvchat.cvbuilder.data.Progress;
import com.cvchat.cvbuilder.document.render.DocumentKind;
import com.cvchat.cvbuilder.document.render.HtmlRenderer;
import com.cvchat.cvbuilder.document.render.RenderRequest;
import com.cvchat.cvbuilder.document.template.TemplateCatalog;
import com.cvchat.events.conversation.CvDataUpdated;
import com.cvchat.platform.web.ApiException;
import com.cvchat.rules.cv.DataMerger;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

/**
 * Changes the user makes by hand, and the preview: {@code PATCH /chat/session/{id}/data} applies a JSON Merge Patch
 * (RFC 7396) to the session's data and records it as {@code cv.data-updated} like a turn does; {@code GET
 * /chat/session/{id}/preview} renders the data with the export's own HTML template.
 */
@Service
class SessionEdits {

    /** Longest accepted patch, as JSON text: a whole CV is a few kilobytes. */
    static final int MAX_PATCH_CHARS = 100_000;

    private final SessionQueries queries;
    private final SessionEvents events;
    private final HtmlRenderer renderer;
    private final Clock clock;

    SessionEdits(SessionQueries queries, SessionEvents events, HtmlRenderer renderer, Clock clock) {
        this.queries = queries;
        this.events = events;
        this.renderer = renderer;
        this.clock = clock;
    }

    SessionResponses.Edited patch(String userId, String sessionId, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ApiException.badRequest("cv_data is required and must be an object");
        }
        if (patch.toString().length() > MAX_PATCH_CHARS) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                    "cv_data is too large: at most " + MAX_PATCH_CHARS + " characters are allowed");
        }
        SessionState session = queries.require(sessionId, userId);
        DocumentShape shape = DocType.parse(session.docType()).shape();
        JsonNode data = SessionService.currentData(session);
        // merge-patch onto the data, then keep only what the shape has (unknown fields dropped, every field present)
        ObjectNode patched = (ObjectNode) data.deepCopy();
        mergePatch(patched, patch);
        ObjectNode result = DataMerger.merge(shape.schema(), shape.emptyData(), patched);
        Progress progress = shape.progress(result);
        if (!result.equals(data)) {
            events.record(sessionId, userId, UUID.randomUUID().toString(),
                    new CvDataUpdated(patch, result, progress.percent(), progress.collected()),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS));
        }
        return new SessionResponses.Edited(sessionId, result, progress.percent(), progress.complete(),
                progress.collected(), progress.missing());
    }

    String preview(String userId, String sessionId, String template) {
        SessionState session = queries.require(sessionId, userId);
        return renderer.render(new RenderRequest(DocumentKind.of(session.docType()), TemplateCatalog.resolve(template),
                "Preview", SessionService.currentData(session)));
    }

    /** RFC 7396: objects merge member by member, {@code null} removes, anything else (arrays too) replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        for (Map.Entry<String, JsonNode> member : patch.properties()) {
            JsonNode value = member.getValue();
            JsonNode current = target.get(member.getKey());
            if (value.isNull()) {
                target.remove(member.getKey());
            } else if (value.isObject() && current != null && current.isObject()) {
                mergePatch((ObjectNode) current, value);
            } else {
                target.set(member.getKey(), value.deepCopy());
            }
        }
    }
}
