package com.cvchat.chat.stream.answer;

import com.cvchat.events.json.EventJson;
import com.cvchat.platform.web.ApiException;
import com.cvchat.rules.personality.Personality;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The body of POST /chats/{id}/message, read by hand so that every problem is a plain JSON 4xx even when the client
 * asked for {@code text/event-stream}.
 */
public record SendMessageRequest(String message, Personality personality) {

    public static final String NOT_JSON = "Request body is missing or is not valid JSON";

    public static SendMessageRequest parse(String body, int maxLength) {
        JsonNode root;
        try {
            root = body == null || body.isBlank() ? null : EventJson.mapper().readTree(body);
        } catch (JacksonException e) {
            root = null;
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest(NOT_JSON);
        }
        JsonNode messageNode = root.path("message");
        if (!messageNode.isMissingNode() && !messageNode.isNull() && !messageNode.isString()) {
            throw ApiException.badRequest("message must be a string");
        }
        String message = messageNode.isString() ? messageNode.asString().strip() : "";
        if (message.isEmpty()) {
            throw ApiException.badRequest("message must not be empty");
        }
        if (message.length() > maxLength) {
            throw new ApiException(HttpStatus.CONTENT_TOO_LARGE,
                    "message is too long: at most " + maxLength + " characters");
        }
        JsonNode personalityNode = root.path("personality");
        String name = personalityNode.isString() ? personalityNode.asString() : null;
        if (!personalityNode.isMissingNode() && !personalityNode.isNull() && !personalityNode.isString()) {
            throw ApiException.badRequest(Personality.unknownMessage(personalityNode.toString()));
        }
        Personality personality = Personality.fromWireName(name)
                .orElseThrow(() -> ApiException.badRequest(Personality.unknownMessage(name)));
        return new SendMessageRequest(message, personality);
    }
}
