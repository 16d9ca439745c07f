package com.cvchat.llmworker.provider.offline;

import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.llmworker.offline.cv.OfflineCvTurn;
import com.cvchat.llmworker.provider.GenerationCall;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.LlmProvider;
import com.cvchat.llmworker.provider.ProviderResult;
import com.cvchat.llmworker.provider.StructuredAnswer;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in model: no network, deterministic, streams word by word at a configurable pace. {@code chat_reply} is
 * built from the prompt, {@code title} from the first message, {@code cv_turn} is delegated to {@link OfflineCvTurn}.
 */
public class OfflineProvider implements LlmProvider {

    public static final String NAME = "offline";
    private static final Pattern WORD = Pattern.compile("\\S+\\s*");

    private final Duration wordDelay;
    private final ObjectProvider<OfflineCvTurn> cvTurn;

    public OfflineProvider(OfflineProperties properties, ObjectProvider<OfflineCvTurn> cvTurn) {
        this.wordDelay = properties.wordDelay();
        this.cvTurn = cvTurn;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderResult generate(GenerationCall call) {
        LlmRequest request = call.request();
        return switch (request.task()) {
            case CHAT_REPLY -> stream(call, OfflineAnswers.chatReply(request), null);
            case TITLE -> stream(call, OfflineAnswers.title(request), null);
            case CV_TURN -> {
                StructuredAnswer answer = StructuredAnswer.of(cvTurn(request));
                yield stream(call, answer.text(), answer);
            }
        };
    }

    private tools.jackson.databind.JsonNode cvTurn(LlmRequest request) {
        OfflineCvTurn turn = cvTurn.getIfAvailable();
        if (turn == null) {
            throw new LlmFailure(FailureReason.INVALID_REQUEST, false,
                    "The offline provider cannot answer cv_turn: no OfflineCvTurn is installed");
        }
        tools.jackson.databind.JsonNode answer = turn.answer(request);
        if (answer == null || !answer.isObject()) {
            throw new LlmFailure(FailureReason.PROVIDER_ERROR, false, "The offline CV turn gave no answer");
        }
        return answer;
    }

    private ProviderResult stream(GenerationCall call, String text, StructuredAnswer structured) {
        Matcher words = WORD.matcher(text);
        int count = 0;
        while (words.find()) {
            if (count > 0 && !wordDelay.isZero()) {
                call.cancellation().sleep(wordDelay);
            }
            call.cancellation().throwIfCancelled();
            call.sink().accept(words.group());
            count++;
        }
        int promptTokens = tokens(call.request().prompt());
        TokenUsage usage = new TokenUsage(promptTokens, count, promptTokens + count);
        return new ProviderResult(text, usage, structured == null ? null : structured.structured());
    }

    private static int tokens(String text) {
        return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
    }
}
