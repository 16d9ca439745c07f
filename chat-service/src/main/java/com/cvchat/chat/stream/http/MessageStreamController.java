package com.cvchat.chat.stream.http;

import com.cvchat.chat.conversation.ConversationDocument;
import com.cvchat.chat.conversation.Conversations;
import com.cvchat.chat.stream.answer.ChatTurns;
import com.cvchat.chat.stream.answer.ResponseReplay;
import com.cvchat.chat.stream.answer.SendMessageRequest;
import com.cvchat.chat.stream.storage.StreamRecord;
import com.cvchat.chat.stream.storage.StreamRecords;
import com.cvchat.chat.web.SuccessResponse;
import com.cvchat.events.EventEnvelope;
import com.cvchat.events.Topics;
import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.platform.kafka.EventPublisher;
import com.cvchat.platform.limits.ModelLimitExceededException;
import com.cvchat.platform.openapi.PlatformApiDocs;
import com.cvchat.platform.openapi.RequestExample;
import com.cvchat.platform.openapi.ResponseExample;
import com.cvchat.platform.security.CurrentUser;
import com.cvchat.platform.web.ApiError;
import com.cvchat.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Sending a message and streaming the answer (SSE), resuming a stream with {@code Last-Event-ID} on any instance,
 * and cancelling a running answer from any instance.
 */
@RestController
@RequestMapping("/api/v1/chats/{id}")
@Tag(name = "streaming",
        description = "Messages to the AI with the answer streamed as Server-Sent Events, resume, cancel")
class MessageStreamController {

    private static final String LAST_EVENT_ID = "Last-Event-ID";

    private final ChatTurns turns;
    private final Conversations conversations;
    private final StreamRecords records;
    private final ResponseReplay replay;
    private final AnswerStreamWriter writer;
    private final EventPublisher publisher;

    MessageStreamController(ChatTurns turns, Conversations conversations, StreamRecords records,
                            ResponseReplay replay, AnswerStreamWriter writer, EventPublisher publisher) {
        this.turns = turns;
        this.conversations = conversations;
        this.records = records;
        this.replay = replay;
        this.writer = writer;
        this.publisher = publisher;
    }

    /** POST /chats/{id}/message; with a {@code Last-Event-ID} header it resumes that answer instead. */
    @Operation(summary = "Send a message; the answer streams as Server-Sent Events",
            description = StreamDocs.SEND,
            // the method reads the raw bytes (strict UTF-8): the body's shape is named here
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = "application/json", schema = @Schema(implementation = SendMessageRequest.class))))
    @RequestExample(StreamDocs.REQUEST)
    @ApiResponse(responseCode = "200", description = "The answer's events (text/event-stream)",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = StreamDocs.EVENTS)))
    @ApiResponse(responseCode = "204", description = "Resumed after the last event: nothing more to send")
    @ApiResponse(responseCode = "400", description = "message must not be empty")
    @ApiResponse(responseCode = "404", description = "Conversation not found")
    @ApiResponse(responseCode = "429", description = PlatformApiDocs.MODEL_LIMIT)
    @PostMapping("/message")
    void send(@PathVariable String id, @RequestBody(required = false) byte[] body,
              @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
              HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (lastEventId != null && !lastEventId.isBlank()) {
            resume(id, null, lastEventId, request, response);
            return;
        }
        ChatTurns.Started started;
        try {
            started = turns.start(CurrentUser.id(), id, strictUtf8(body));
        } catch (ApiException e) {
            writeError(response, e);
            return;
        }
        try {
            writer.start(request, started.record(), started.inbox(), -1, null, started.subscription()::close);
        } catch (RuntimeException e) {
            started.subscription().close();
            throw e;
        }
    }

    /** GET /chats/{id}/messages/{message_id}/stream: the answer's events after {@code Last-Event-ID} (all without). */
    @Operation(summary = "Resume an answer's stream after Last-Event-ID (all its events without)",
            description = StreamDocs.RESUME)
    @ApiResponse(responseCode = "200", description = "The events after Last-Event-ID, then live ones",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string"),
                    examples = @ExampleObject(value = StreamDocs.RESUMED)))
    @ApiResponse(responseCode = "204", description = "Last-Event-ID was the last event: nothing more to send")
    @ApiResponse(responseCode = "400", description = "Last-Event-ID is not an event id of this stream")
    @ApiResponse(responseCode = "404", description = "Message not found")
    @GetMapping("/messages/{messageId}/stream")
    void stream(@PathVariable String id, @PathVariable String messageId,
                @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
                HttpServletRequest request, HttpServletResponse response) throws IOException {
        resume(id, messageId, lastEventId, request, response);
    }

    @Operation(summary = "Stop an answer that is still streaming",
            description = "The stream ends with `done` and `\"cancelled\": true`; the text so far is kept.")
    @ApiResponse(responseCode = "200", description = "Cancellation requested")
    @ResponseExample("{\"message\": \"Cancellation requested\", \"success\": true}")
    @ApiResponse(responseCode = "404", description = "Message not found")
    @ApiResponse(responseCode = "409", description = "This answer is already finished")
    @PostMapping("/messages/{messageId}/cancel")
    SuccessResponse cancel(@PathVariable String id, @PathVariable String messageId) {
        StreamRecord record = recordOf(conversations.owned(CurrentUser.id(), id), messageId);
        if (!StreamRecord.RUNNING.equals(record.status())) {
            throw ApiException.conflict("This answer is already finished");
        }
        publisher.publishAndWait(Topics.LLM_REQUESTS, EventEnvelope.of(record.conversationId(), record.userId(),
                record.requestId(), new LlmCancel(record.requestId(), "cancelled by the user")));
        return new SuccessResponse("Cancellation requested", true);
    }

    private void resume(String id, String messageId, String lastEventId, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        StreamRecord record;
        StreamPosition position;
        ConversationDocument conversation;
        try {
            conversation = conversations.owned(CurrentUser.id(), id);
            position = lastEventId == null || lastEventId.isBlank() ? null : StreamPosition.parse(lastEventId);
            if (position != null && messageId != null && !messageId.equals(position.messageId())) {
                throw ApiException.badRequest("Last-Event-ID belongs to another message");
            }
            record = recordOf(conversation, messageId != null ? messageId : position.messageId());
        } catch (ApiException e) {
            writeError(response, e);
            return;
        }
        if (position != null && position.complete()) {
            response.setStatus(HttpStatus.NO_CONTENT.value());
            return;
        }
        ResponseReplay.Replay running = replay.start(record);
        try {
            writer.start(request, record, running.inbox(), position == null ? -1 : position.lastIndex(),
                    conversation.title(), running::close);
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
    }

    private StreamRecord recordOf(ConversationDocument conversation, String messageId) {
        return records.byMessageId(conversation.id(), messageId)
                .orElseThrow(() -> ApiException.notFound("Message not found"));
    }

    /** The body as text; bytes that are not UTF-8 are refused rather than turned into replacement characters. */
    private static String strictUtf8(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest(SendMessageRequest.NOT_JSON);
        }
    }

    private static void writeError(HttpServletResponse response, ApiException e) throws IOException {
        response.setStatus(e.status().value());
        if (e instanceof ModelLimitExceededException limit) {
            response.setHeader("Retry-After", Long.toString(limit.retryAfterSeconds()));
        }
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(EventJson.mapper().writeValueAsBytes(new ApiError(e.getMessage())));
    }
}
