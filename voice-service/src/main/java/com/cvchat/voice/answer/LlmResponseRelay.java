package com.cvchat.voice.answer;

import com.cvchat.events.EventEnvelope;
import com.cvchat.events.EventPayload;
import com.cvchat.events.json.AnswersDeserializer;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.platform.conversation.Disclaimer;
import com.cvchat.platform.conversation.DisclaimerDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.messaging.handler.annotation.Payload;
import org.springframework.stereotype.Component;

/**
 * Reads {@code llm.responses} in a consumer group of its own (every instance sees every voice answer; other services'
 * records are skipped unparsed by their {@code origin} header) and relays the
 * answers of the requests this instance holds: chunks in sequence order, then one completion that is stored
 * exactly once.
 */
@Component
class LlmResponseRelay {

    static final String API_KEY_MISSING = "Gemini API key not set. Please set your API key first.";
    private static final Logger log = LoggerFactory.getLogger(LlmResponseRelay.class);

    private final PendingRequests pending;
    private final VoiceTurns turns;

    LlmResponseRelay(PendingRequests pending, VoiceTurns turns) {
        this.pending = pending;
        this.turns = turns;
    }

    @KafkaListener(id = "voice-llm-responses", topics = "llm.responses", groupId = "${voice.relay-group-id}",
            properties = {"spring.deserializer.value.delegate.class=com.cvchat.events.json.AnswersDeserializer",
                    AnswersDeserializer.ORIGIN_CONFIG + "=" + VoiceTurns.ORIGIN})
    void onResponse(@Payload(required = false) EventEnvelope<EventPayload> envelope) {
        if (envelope == null) {
            return; // other services' answers are left unparsed; they arrive as null (AnswersDeserializer)
        }
        switch (envelope.payload()) {
            case LlmChunk chunk when VoiceTurns.ORIGIN.equals(chunk.origin()) -> onChunk(chunk);
            case LlmCompleted completed when VoiceTurns.ORIGIN.equals(completed.origin()) -> onCompleted(completed);
            case LlmFailed failed when VoiceTurns.ORIGIN.equals(failed.origin()) -> onFailed(failed);
            default -> {
                // another service's answer, or a request of another instance
            }
        }
    }

    private void onChunk(LlmChunk chunk) {
        pending.get(chunk.requestId()).filter(request -> !request.title).ifPresent(request -> {
            synchronized (request) {
                if (chunk.sequence() < request.nextSequence) {
                    return; // a redelivered chunk
                }
                request.nextSequence = chunk.sequence() + 1;
            }
            request.sink.answerPiece(chunk.text());
        });
    }

    private void onCompleted(LlmCompleted completed) {
        pending.remove(completed.requestId()).ifPresent(request -> {
            turns.countUsage(request, completed.usage());
            if (request.title) {
                String title = cleanTitle(completed.text());
                turns.storeTitle(request, title);
                request.sink.titleGenerated(title);
                return;
            }
            Disclaimer disclaimer = DisclaimerDetector.detect(request.userText, completed.text()).orElse(null);
            turns.storeAnswer(request, completed.text(), disclaimer == null ? null : disclaimer.primaryCategory());
            request.sink.answerComplete(request.userText, completed.text(), disclaimer);
        });
    }

    private void onFailed(LlmFailed failed) {
        pending.remove(failed.requestId()).ifPresent(request -> {
            log.info("Voice request {} failed: {}", failed.requestId(), failed.reason());
            if (request.title) {
                return; // the conversation keeps no title; the answer is what matters
            }
            request.sink.answerFailed(failed.reason() == FailureReason.API_KEY_MISSING ? API_KEY_MISSING
                    : "The AI could not answer: " + failed.message());
        });
    }

    static String cleanTitle(String text) {
        String title = text.strip().replaceAll("^[\"'“”]+|[\"'“”]+$", "").strip();
        return title.length() <= 60 ? title : title.substring(0, 60).strip();
    }
}
