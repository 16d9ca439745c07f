package com.cvchat.chat.conversation;

import com.cvchat.chat.web.DataResponse;
import com.cvchat.chat.web.PageParams;
import com.cvchat.chat.web.SuccessResponse;
import com.cvchat.platform.security.CurrentUser;
import com.cvchat.platform.web.ApiException;
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
class ConversationController {

    static final int MAX_TITLE_LENGTH = 200;

    private final Conversations conversations;
    private final ConversationCommands commands;

    ConversationController(Conversations conversations, ConversationCommands commands) {
        this.conversations = conversations;
        this.commands = commands;
    }

    @GetMapping
    DataResponse<ConversationPage> list(@RequestParam(required = false) Integer page,
                                        @RequestParam(name = "per_page", required = false) Integer perPage) {
        return new DataResponse<>("User conversation tiles retrieved successfully",
                conversations.list(CurrentUser.id(), PageParams.of(page, perPage)));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    DataResponse<ConversationView> create() {
        String userId = CurrentUser.id();
        String id = commands.create(userId);
        return new DataResponse<>("Chat session created successfully", ConversationView.of(conversations.owned(userId, id)));
    }

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

    @GetMapping("/{id}")
    DataResponse<ConversationWithMessages> get(@PathVariable String id,
                                               @RequestParam(required = false) Integer page,
                                               @RequestParam(name = "per_page", required = false) Integer perPage) {
        ConversationDocument conversation = conversations.owned(CurrentUser.id(), id);
        return new DataResponse<>("Conversation retrieved successfully",
                conversations.withMessages(conversation, PageParams.of(page, perPage)));
    }

    @DeleteMapping("/{id}")
    SuccessResponse delete(@PathVariable String id) {
        commands.delete(conversations.owned(CurrentUser.id(), id));
        return new SuccessResponse("Conversation deleted", true);
    }

    record RenameRequest(String title) {
    }
}
