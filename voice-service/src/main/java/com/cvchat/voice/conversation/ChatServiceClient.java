package com.cvchat.voice.conversation;

import com.cvchat.events.llm.ChatTurn;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * chat-service's own API ({@code GET/POST /api/v1/chats...}), called with the user's bearer token, so the ownership
 * rules are chat-service's: another user's conversation answers 404 exactly like a missing one.
 */
@Component
public class ChatServiceClient {

    /** Messages per page asked of chat-service; the history is at most the last two pages. */
    static final int HISTORY_PAGE_SIZE = 20;

    private final RestClient http;

    ChatServiceClient(RestClient.Builder builder, @Value("${voice.chat-service-url}") String chatServiceUrl) {
        this.http = builder.baseUrl(chatServiceUrl).build();
    }

    /** The user's conversation {@code id}, or a new one when {@code id} is not one of theirs. */
    public VoiceConversation resolve(String id, String bearerToken) {
        return find(id, bearerToken).orElseGet(() -> create(bearerToken));
    }

    Optional<VoiceConversation> find(String id, String bearerToken) {
        if (!isUuid(id)) {
            return Optional.empty();
        }
        try {
            JsonNode data = page(id, 1, bearerToken);
            List<JsonNode> messages = new ArrayList<>();
            data.path("messages").forEach(messages::add);
            long total = data.path("pagination").path("total_count").asLong(messages.size());
            if (total > HISTORY_PAGE_SIZE) { // the latest messages: the last two pages
                int last = (int) ((total + HISTORY_PAGE_SIZE - 1) / HISTORY_PAGE_SIZE);
                messages.clear();
                page(id, last - 1, bearerToken).path("messages").forEach(messages::add);
                page(id, last, bearerToken).path("messages").forEach(messages::add);
            }
            List<ChatTurn> history = messages.stream().map(message -> new ChatTurn(
                    "ai".equals(message.path("sender").asString()) ? ChatTurn.MODEL : ChatTurn.USER,
                    message.path("message").asString())).toList();
            JsonNode title = data.path("conversation").path("title");
            return Optional.of(new VoiceConversation(data.path("conversation").path("id").asString(id), false,
                    !title.isMissingNode() && !title.isNull() && !title.asString().isBlank(), history));
        } catch (NotFound e) {
            return Optional.empty();
        } catch (RestClientException e) {
            throw new ChatServiceUnavailableException("chat-service is not reachable", e);
        }
    }

    /** {@code data} of one page of {@code GET /api/v1/chats/{id}} (messages oldest first). */
    private JsonNode page(String id, int page, String bearerToken) {
        JsonNode body = http.get()
                .uri(b -> b.path("/api/v1/chats/{id}").queryParam("page", page)
                        .queryParam("per_page", HISTORY_PAGE_SIZE).build(id))
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                .retrieve()
                .onStatus(status -> status.value() == 404 || status.value() == 400, (req, res) -> {
                    throw new NotFound();
                })
                .onStatus(HttpStatusCode::isError, (req, res) -> {
                    throw new ChatServiceUnavailableException("chat-service answered " + res.getStatusCode().value());
                })
                .body(JsonNode.class);
        return body == null ? tools.jackson.databind.node.MissingNode.getInstance() : body.path("data");
    }

    VoiceConversation create(String bearerToken) {
        try {
            JsonNode body = http.post().uri("/api/v1/chats")
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearerToken)
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (req, res) -> {
                        throw new ChatServiceUnavailableException("chat-service answered " + res.getStatusCode().value());
                    })
                    .body(JsonNode.class);
            String id = body.path("data").path("id").asString(null);
            if (id == null) {
                throw new ChatServiceUnavailableException("chat-service created no conversation id");
            }
            return new VoiceConversation(id, true, false, List.of());
        } catch (RestClientException e) {
            throw new ChatServiceUnavailableException("chat-service is not reachable", e);
        }
    }

    static boolean isUuid(String id) {
        try {
            return UUID.fromString(id).toString().equalsIgnoreCase(id);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }
}
