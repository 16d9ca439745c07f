package com.cvchat.voice.socket;

import com.cvchat.rules.disclaimer.Disclaimer;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Messages the server sends on the voice socket (ai-chat-api.md, Real-time Voice Chat). */
public sealed interface ServerMessage {

    JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultPropertyInclusion(incl -> incl.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    String LISTENING = "Listening... Speak now";

    default String toJson() {
        return JSON.writeValueAsString(this);
    }

    static ServerMessage status(String message) {
        return new Status("status", message, null);
    }

    static ServerMessage connected(String chatSessionId) {
        return new Status("status", "Connected", chatSessionId);
    }

    static ServerMessage partialTranscript(String text) {
        return new Text("partial_transcript", text);
    }

    static ServerMessage finalTranscript(String text) {
        return new Text("final_transcript", text);
    }

    static ServerMessage title(String text) {
        return new Text("title", text);
    }

    static ServerMessage aiPiece(String text) {
        return new AiResponse("ai_response", text, false, null);
    }

    static ServerMessage aiComplete(String text, Disclaimer disclaimer) {
        return new AiResponse("ai_response", text, true, disclaimer);
    }

    static ServerMessage error(String message) {
        return new Error("error", message);
    }

    static ServerMessage pong(JsonNode timestamp) {
        return new Pong("pong", timestamp);
    }

    /** {@code chat_session_id} is only on the first status after connecting: the conversation this socket talks into. */
    record Status(String type, String message, String chatSessionId) implements ServerMessage {
    }

    record Text(String type, String text) implements ServerMessage {
    }

    record AiResponse(String type, String text, boolean isComplete, Disclaimer disclaimer) implements ServerMessage {
    }

    record Error(String type, String message) implements ServerMessage {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Pong(String type, JsonNode timestamp) implements ServerMessage {
    }
}
