package com.cvchat.chat.conversation;

import com.cvchat.chat.web.DataResponse;
import com.cvchat.chat.web.PageParams;
import com.cvchat.chat.web.SuccessResponse;
import com.cvchat.platform.openapi.ResponseExample;
import com.cvchat.platform.security.CurrentUser;
import com.cvchat.platform.web.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Conversations of ai-chat-api.md: list, create, rename, read with messages, delete. */
@RestController
@RequestMapping("/api/v1/chats")
@Tag(name = "conversations",
        description = "General conversations with the AI: list, create, rename, read with messages, delete")
class ConversationController {

    static final int MAX_TITLE_LENGTH = 200;

    private final Conversations conversations;
    private final ConversationCommands commands;

    ConversationController(Conversations conversations, ConversationCommands commands) {
        this.conversations = conversations;
        this.commands = commands;
    }

    @Operation(summary = "List the user's conversations, newest first (titles only)",
            description = "`page` from 1 (default 1), `per_page` 1 to 100 (default 20).")
    @ApiResponse(responseCode = "200", description = "A page of conversations")
    @ResponseExample(ConversationExamples.LIST)
    @GetMapping
    DataResponse<ConversationPage> list(@RequestParam(required = false) Integer page,
                                        @RequestParam(name = "per_page", required = false) Integer perPage) {
        return new DataResponse<>("User conversation tiles retrieved successfully",
                conversations.list(CurrentUser.id(), PageParams.of(page, perPage)));
    }

    @Operation(summary = "Create a conversation",
            description = "The title stays null until the first message, when it is generated.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ResponseExample(ConversationExamples.CREATED)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DataResponse<ConversationView> create() {
        String userId = CurrentUser.id();
        String id = commands.create(userId);
        return new DataResponse<>("Chat session created successfully", ConversationView.of(conversations.owned(userId, id)));
    }

    @Operation(summary = "Rename a conversation", description = "`title`: 1 to 200 characters after trimming.")
    @ApiResponse(responseCode = "200", description = "Renamed")
    @ApiResponse(responseCode = "400", description = "title must not be empty")
    @ApiResponse(responseCode = "404", description = "Conversation not found")
    @PatchMapping("/{id}/title")
    DataResponse<ConversationView> rename(@PathVariable String id, @RequestBody(required = false) RenameRequest body) {
        String userId = CurrentUser.id();
        ConversationDocument conversation = conversations.owned(userId, id);
        String title = body == null || body.title() == null ? "" : body.title().strip();
        if (title.isEmpty()) {
            throw ApiException.badRequest("title must not be empty");
        }
        if (title.length() > MAX_TITLE_LENGTH) {
            throw ApiException.badRequest("title must be at most " + MAX_TITLE_LENGTH + " characters");
        }
        commands.rename(conversation, title);
        return new DataResponse<>("Chat session title updated successfully.",
                ConversationView.of(conversations.owned(userId, id)));
    }

    @Operation(summary = "A conversation with its messages, oldest first (paginated)",
            description = "`page` from 1 (default 1), `per_page` 1 to 100 (default 20). Another user's id: 404.")
    @ApiResponse(responseCode = "200", description = "The conversation and a page of its messages")
    @ResponseExample(ConversationExamples.WITH_MESSAGES)
    @ApiResponse(responseCode = "404", description = "Conversation not found")
    @GetMapping("/{id}")
    DataResponse<ConversationWithMessages> get(@PathVariable String id,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(name = "per_page", required = false) Integer perPage) {
        ConversationDocument conversation = conversations.owned(CurrentUser.id(), id);
        return new DataResponse<>("Conversation retrieved successfully",
                conversations.withMessages(conversation, PageParams.of(page, perPage)));
    }

    @Operation(summary = "Delete a conversation and its messages")
    @ApiResponse(responseCode = "200", description = "Deleted")
    @ResponseExample("{\"message\": \"Conversation deleted\", \"success\": true}")
    @ApiResponse(responseCode = "404", description = "Conversation not found")
    @DeleteMapping("/{id}")
    SuccessResponse delete(@PathVariable String id) {
        commands.delete(conversations.owned(CurrentUser.id(), id));
        return new SuccessResponse("Conversation deleted", true);
    }

    record RenameRequest(String title) {
    }
}
