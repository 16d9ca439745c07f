package com.cvchat.chat.audit;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.conversation.ConversationEvent;
import com.cvchat.events.json.EventJson;
import com.cvchat.platform.openapi.ResponseExample;
import com.cvchat.platform.replay.ConversationLog;
import com.cvchat.platform.security.CurrentUser;
import com.cvchat.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The audit API, read straight from {@code conversation.events} (the record of truth), for chat conversations,
 * CV sessions and documents alike:
 * <ul>
 *   <li>{@code GET /api/v1/audit/conversations/{id}} — administrators ({@code roles} claim contains {@code admin});
 *       everyone else gets 403;</li>
 *   <li>{@code GET /api/v1/audit/me/conversations/{id}} — a user's export of their own conversation's history
 *       (owner = the user of its first event); someone else's id gets 404.</li>
 * </ul>
 * Both answer {@code {"conversation_id": ..., "events": [<envelopes as on the wire>]}}.
 */
@RestController
@Tag(name = "audit",
        description = "The ordered history of a conversation, CV session or document from conversation.events")
class AuditController {

    static final String EXAMPLE = """
            {"conversation_id": "123e4567-e89b-12d3-a456-426614174000", "events": [{"event_id": "7d9e2c41-0a3b-4c5d-8e6f-1a2b3c4d5e6f", \
            "type": "chat.conversation-created", "schema_version": 1, "occurred_at": "2025-11-18T21:30:45.123Z", \
            "conversation_id": "123e4567-e89b-12d3-a456-426614174000", "user_id": "6f1c2d3e-0000-4000-8000-000000000001", "payload": {}}]}""";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ConversationLog log;

    AuditController(ConversationLog log) {
        this.log = log;
    }

    @Operation(summary = "Any conversation's history (role admin)")
    @ApiResponse(responseCode = "200", description = "The events in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @ResponseExample(AuditController.EXAMPLE)
    @ApiResponse(responseCode = "403", description = "Administrator role required")
    @ApiResponse(responseCode = "404", description = "Conversation not found")
    @GetMapping(value = "/api/v1/audit/conversations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    String adminHistory(@PathVariable String id) {
        if (!CurrentUser.hasRole("admin")) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Administrator role required");
        }
        return body(id, history(id));
    }

    @Operation(summary = "The user's own history of one of their conversations")
    @ApiResponse(responseCode = "200", description = "The events in order",
            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
    @ResponseExample(AuditController.EXAMPLE)
    @ApiResponse(responseCode = "404", description = "Conversation not found")
    @GetMapping(value = "/api/v1/audit/me/conversations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    String ownHistory(@PathVariable String id) {
        List<EventEnvelope<ConversationEvent>> events = history(id);
        if (!CurrentUser.id().equals(events.getFirst().userId())) {
            throw ApiException.notFound("Conversation not found");
        }
        return body(id, events);
    }

    private List<EventEnvelope<ConversationEvent>> history(String id) {
        if (!ID.matcher(id).matches()) {
            throw ApiException.notFound("Conversation not found");
        }
        List<EventEnvelope<ConversationEvent>> events = log.history(id);
        if (events.isEmpty()) {
            throw ApiException.notFound("Conversation not found");
        }
        return events;
    }

    private static String body(String id, List<EventEnvelope<ConversationEvent>> events) {
        String quotedId = EventJson.mapper().writeValueAsString(id);
        return events.stream().map(EventJson::toJson)
                .collect(Collectors.joining(",", "{\"conversation_id\":" + quotedId + ",\"events\":[", "]}"));
    }
}
