package com.cvchat.events;

import com.cvchat.events.conversation.ConversationCreated;
import com.cvchat.events.conversation.ConversationDeleted;
import com.cvchat.events.conversation.CvDataUpdated;
import com.cvchat.events.conversation.CvMessageAdded;
import com.cvchat.events.conversation.CvSessionFinalized;
import com.cvchat.events.conversation.CvSessionStarted;
import com.cvchat.events.conversation.DocumentDeleted;
import com.cvchat.events.conversation.DocumentUpdated;
import com.cvchat.events.conversation.DocumentVersionCreated;
import com.cvchat.events.conversation.MessageAdded;
import com.cvchat.events.conversation.TitleSet;
import com.cvchat.events.conversation.VoiceTurnTranscribed;
import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmCancel;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.LlmTask;
import com.cvchat.events.llm.ReplyTo;
import com.cvchat.events.llm.TokenUsage;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Object mother: one fixed, fully populated sample per event type (the golden files are these, serialized). */
final class SampleEvents {

    static final String CONVERSATION = "8f14e45f-ceea-467f-a0e6-1bd2f6a1c001";
    static final String USER = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
    static final String REQUEST = "c9bf9e57-1685-4c89-bafb-ff5af830be8a";
    static final String DOCUMENT = "6ba7b810-9dad-41d1-80b4-00c04fd430c8";
    static final Instant AT = Instant.parse("2025-11-15T20:58:14.954Z");

    private SampleEvents() {
    }

    static List<EventPayload> payloads() {
        JsonNode data = json("""
                {"personal_info":{"full_name":"Sarah Johnson","title":"Senior Data Scientist","phone":"+1-555-9999",
                 "email":"sarah@datatech.com","linkedin":"","website":"","location":"Boston, MA"}}""");
        return List.of(
                new LlmRequest(REQUEST, "chat", LlmTask.CHAT_REPLY, "You are a warm, caring assistant.",
                        List.of(new ChatTurn(ChatTurn.USER, "Hello!"), new ChatTurn(ChatTurn.MODEL, "Hi, how can I help?")),
                        "What should I expect in my first trimester?", json("{\"personality\":\"mother_figure\"}"), null,
                        new ReplyTo("llm.responses.chat", 7, "llm.outcomes")),
                new LlmCancel(REQUEST, "client_cancelled"),
                new LlmChunk(REQUEST, "chat", 0, "During", 0L),
                new LlmCompleted(REQUEST, "cv", "Great to meet you, Sarah!", 5, new TokenUsage(120, 42, 162),
                        json("{\"patch\":{\"personal_info\":{\"full_name\":\"Sarah Johnson\"}},\"next_question\":\"What is your email?\"}"),
                        "offline"),
                new LlmFailed(REQUEST, "voice", FailureReason.QUOTA_EXHAUSTED, "Daily quota exceeded", false, "During the"),
                new ConversationCreated(null, "text"),
                new MessageAdded("a3bb189e-8bf9-4888-9912-ace4e6543002", "ai", "During the first trimester…", "text",
                        REQUEST, "pregnancy"),
                new TitleSet("Pregnancy Questions", true),
                new ConversationDeleted("user_request"),
                new CvSessionStarted("cv"),
                new CvMessageAdded("d2f1e0c4-5b6a-4c3d-9e8f-7a6b5c4d3e2f", "user", "Hi! I am Sarah Johnson, a Senior Data Scientist"),
                new CvDataUpdated(json("{\"personal_info\":{\"email\":\"sarah@datatech.com\"}}"), data, 33,
                        List.of("personal_info")),
                new CvSessionFinalized(DOCUMENT, 2, "Sarah Johnson - Data Scientist CV", "professional"),
                new DocumentVersionCreated(DOCUMENT, 2, "cv", "Sarah Johnson - Data Scientist CV",
                        "sarah-johnson-data-scientist-cv", "professional", data, "finalize", CONVERSATION, null),
                new DocumentUpdated(DOCUMENT, "Sarah's CV", "sarahs-cv", "modern"),
                new DocumentDeleted(DOCUMENT),
                new VoiceTurnTranscribed("f47ac10b-58cc-4372-a567-0e02b2c3d479",
                        "My name is Sarah Johnson and I am a data scientist", 3200, "LINEAR16", 16000, "offline"));
    }

    static EventEnvelope<EventPayload> envelope(EventPayload payload, int index) {
        WireType wire = EventTypes.wireTypeOf(payload.getClass());
        return new EventEnvelope<>(UUID.nameUUIDFromBytes(wire.name().getBytes()), wire.name(), wire.version(),
                AT.plusMillis(index), CONVERSATION, USER, REQUEST, payload);
    }

    static JsonNode json(String text) {
        return EventJson.mapper().readTree(text);
    }
}
