package com.cvchat.voice.socket;

import com.cvchat.platform.openapi.PlatformApiDocs;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The voice WebSocket in the OpenAPI document: its handshake as {@code GET} (101), with the messages in the description
 * — OpenAPI has no words for WebSocket frames. The messages are documented in voice-service/README.md ("Messages").
 */
@Configuration(proxyBeanMethods = false)
class VoiceApiDocs {

    static final String TAG = "voice";
    static final String PATH = VoiceWebSocketConfig.PATH.replace("*", "{chat_session_id}");

    static final String DESCRIPTION = """
            Real-time voice chat: a WebSocket (`ws://` or `wss://` at this path). Speak into a conversation and hear \
            the AI's answer as text. Documented in full in `voice-service/README.md` ("Connecting", "Messages").

            **Handshake**: `?token=<access_token>` (browsers cannot set headers on a WebSocket). A missing, bad or \
            expired token refuses the upgrade with 401. `chat_session_id` is one of the user's conversations; any \
            other string (unknown, deleted, another user's) starts a new conversation. The first message says which: \
            `{"type":"status","message":"Connected","chat_session_id":"<id>"}`.

            **Client → server** (JSON text frames):
            - `{"type":"start_talking"}` — optional `encoding` (`LINEAR16` default, `WEBM_OPUS` on the google \
            provider) and `sample_rate_hz` (16000); during an answer it interrupts it (barge-in)
            - `{"type":"audio_chunk","data":"<base64 audio>"}`
            - `{"type":"stop_talking"}` — ends the utterance: final transcript, then the answer
            - `{"type":"ping","timestamp":"<any JSON value>"}`

            **Server → client**:
            - `{"type":"status","message":"Listening... Speak now"}` (also `Speech detected`, `Processing...`, \
            `Answer interrupted`, `No speech recognized; please try again`)
            - `{"type":"partial_transcript","text":"What is"}`
            - `{"type":"final_transcript","text":"What is the weather like today?"}`
            - `{"type":"ai_response","text":"The weather","is_complete":false}` as the model streams, then one \
            `{"type":"ai_response","text":"<whole answer>","is_complete":true,"disclaimer":{"primary_category":"…",\
            "detected_categories":["…"],"message":"…"}}` (`disclaimer` only for a sensitive topic)
            - `{"type":"title","text":"New Conversation Topic"}` — once, after the first answer of a new conversation
            - `{"type":"pong","timestamp":<the ping's value>}`
            - `{"type":"error","message":"An error occurred"}` — the socket stays open

            A turn: `start_talking` → `status` → `audio_chunk`s (→ `partial_transcript`s) → `stop_talking` \
            → `status` → `final_transcript` → `ai_response`… → `ai_response` complete (→ `title`).""";

    @Bean
    OpenApiCustomizer voiceSocketDocs() {
        return openApi -> {
            openApi.addTagsItem(new Tag().name(TAG).description("The voice WebSocket"));
            Operation handshake = new Operation().operationId("voiceSocket").addTagsItem(TAG)
                    .summary("Voice chat over a WebSocket (the handshake; messages in the description)")
                    .description(DESCRIPTION)
                    .addParametersItem(new Parameter().in("path").name("chat_session_id").required(true)
                            .description("a conversation id of the user, or any string to start a new one")
                            .schema(PlatformApiDocs.typed("string")).example("123e4567-e89b-12d3-a456-426614174000"))
                    .addParametersItem(new Parameter().in("query").name("token").required(true)
                            .description("the access token (instead of the Authorization header)")
                            .schema(PlatformApiDocs.typed("string")))
                    .responses(new ApiResponses()
                            .addApiResponse("101",
                                    new ApiResponse().description("Switching Protocols: the socket is open"))
                            .addApiResponse("401", new ApiResponse().description("Invalid or expired token"))
                            .addApiResponse("503", new ApiResponse()
                                    .description("Conversations are unavailable right now; try again shortly")));
            openApi.path(PATH, new PathItem().get(handshake));
        };
    }
}
