package com.cvchat.voice.answer;

import com.cvchat.events.llm.LlmChunk;
import com.cvchat.events.llm.LlmCompleted;
import com.cvchat.events.llm.LlmFailed;
import com.cvchat.events.llm.LlmResponseEvent;
import com.cvchat.platform.replies.ReplyHandler;
import com.cvchat.rules.disclaimer.Disclaimer;
import com.cvchat.rules.disclaimer.DisclaimerDetector;
import com.cvchat.rules.failure.FailureTexts;
import com.cvchat.rules.title.Titles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Relays the answers of this instance's voice requests, which come back on its partitions of
 * {@code llm.responses.voice} ({@code ReplyChannel}): chunks in sequence order, then one completion that is stored
 * exactly once. Storing waits for the broker, so the last event is handled off the reply consumer's thread.
 */
@Component
class LlmResponseRelay implements ReplyHandler {

    private static final Logger log = LoggerFactory.getLogger(LlmResponseRelay.class);

    private final PendingRequests pending;
    private final VoiceTurns turns;

    LlmResponseRelay(PendingRequests pending, VoiceTurns turns) {
        this.pending = pending;
        this.turns = turns;
    }

    @Override
    public void onReply(LlmResponseEvent event) {
        switch (event) {
            case LlmChunk chunk -> onChunk(chunk);
            case LlmCompleted completed -> Thread.ofVirtual().name("voice-answer-" + completed.requestId())
                    .start(() -> onCompleted(completed));
            case LlmFailed failed -> Thread.ofVirtual().name("voice-answer-" + failed.requestId())
                    .start(() -> onFailed(failed));
        }
    }

    private void onChunk(LlmChunk chunk) {
        pending.get(chunk.requestId()).filter(request -> !request.title).ifPresent(request -> {
            String fresh;
            synchronized (request) { // by characters: an answer generated again (another worker) may be cut differently
                fresh = chunk.after(request.sentChars);
                if (fresh.isEmpty()) {
                    return; // already relayed
                }
                request.sentChars = chunk.end(request.sentChars);
            }
            request.sink.answerPiece(fresh);
        });
    }

    private void onCompleted(LlmCompleted completed) {
        pending.remove(completed.requestId()).ifPresent(request -> {
            request.subscription.close();
            turns.countUsage(request, completed.usage());
            if (request.title) {
                String title = Titles.of(completed.text(), request.userText);
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
            request.subscription.close();
            log.info("Voice request {} failed: {}", failed.requestId(), failed.reason());
            if (request.title) {
                return; // the conversation keeps no title; the answer is what matters
            }
            request.sink.answerFailed(FailureTexts.of(failed.reason()));
        });
    }
}
