package com.cvchat.llmworker.provider.gemini;

import com.cvchat.events.json.EventJson;
import com.cvchat.events.llm.ChatTurn;
import com.cvchat.events.llm.FailureReason;
import com.cvchat.events.llm.LlmRequest;
import com.cvchat.events.llm.TokenUsage;
import com.cvchat.llmworker.apikey.GeminiKeyResolver;
import com.cvchat.llmworker.provider.GenerationCall;
import com.cvchat.llmworker.provider.LlmFailure;
import com.cvchat.llmworker.provider.LlmProvider;
import com.cvchat.llmworker.provider.Prompt;
import com.cvchat.llmworker.provider.ProviderResult;
import com.cvchat.llmworker.provider.RemoteAnswer;
import com.cvchat.llmworker.provider.RetryLoop;
import com.google.genai.Client;
import com.google.genai.ResponseStream;
import com.google.genai.types.Content;
import com.google.genai.types.FinishReason;
import com.google.genai.types.GenerateContentConfig;
import com.google.genai.types.GenerateContentResponse;
import com.google.genai.types.Part;
import com.google.genai.types.ThinkingConfig;
import org.springframework.beans.factory.DisposableBean;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gemini through Google's {@code google-genai} SDK: streaming {@code generateContent} with the system instruction,
 * a window of recent history, the configured model and thinking budget; {@code responseSchema} → JSON output parsed
 * into {@code structured}. Failures are classified and retried by {@link GeminiRetryPolicy}; a read timeout on the
 * socket bounds every wait, so a stalled stream ends in a failure, never a hang.
 */
public class GeminiProvider implements LlmProvider, DisposableBean {

    public static final String NAME = "gemini";
    private static final Set<FinishReason.Known> BLOCKING = Set.of(FinishReason.Known.SAFETY,
            FinishReason.Known.PROHIBITED_CONTENT, FinishReason.Known.BLOCKLIST, FinishReason.Known.SPII,
            FinishReason.Known.RECITATION);

    private final GeminiProperties properties;
    private final GeminiKeyResolver keys;
    private final GeminiClients clients;
    private final GeminiRetryPolicy retryPolicy;

    public GeminiProvider(GeminiProperties properties, GeminiKeyResolver keys) {
        this.properties = properties;
        this.keys = keys;
        this.clients = new GeminiClients(properties);
        this.retryPolicy = new GeminiRetryPolicy(properties);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ProviderResult generate(GenerationCall call) {
        LlmRequest request = call.request();
        Client client = clients.forKey(keys.resolve(call.userId()));
        Prompt prompt = Prompt.of(request, properties.historyWindow());
        List<Content> contents = contents(prompt);
        GenerateContentConfig config = config(request, prompt);
        long start = System.nanoTime();
        return RetryLoop.run(call, NAME,
                progress -> new Attempt(call, progress, start)
                        .run(client, contents, config),
                retryPolicy::decide);
    }

    private static List<Content> contents(Prompt prompt) {
        List<Content> contents = new ArrayList<>();
        for (ChatTurn turn : prompt.history()) {
            String role = ChatTurn.MODEL.equals(turn.role()) ? "model" : "user";
            contents.add(Content.builder().role(role).parts(List.of(Part.fromText(turn.text()))).build());
        }
        contents.add(Content.builder().role("user").parts(List.of(Part.fromText(prompt.userText()))).build());
        return contents;
    }

    private GenerateContentConfig config(LlmRequest request, Prompt prompt) {
        GenerateContentConfig.Builder config = GenerateContentConfig.builder();
        if (prompt.hasSystemInstruction()) {
            config.systemInstruction(Content.fromParts(Part.fromText(prompt.systemInstruction())));
        }
        if (properties.thinkingBudget() != null) {
            config.thinkingConfig(ThinkingConfig.builder().thinkingBudget(properties.thinkingBudget()).build());
        }
        if (request.responseSchema() != null) {
            config.responseMimeType("application/json")
                    .responseJsonSchema(EventJson.mapper().convertValue(request.responseSchema(), Map.class));
        }
        return config.build();
    }

    @Override
    public void destroy() {
        clients.close();
    }

    /** One try: streams text to the sink as it arrives (or buffers it for a structured answer). */
    private final class Attempt {
        private final GenerationCall call;
        private final boolean heldBack;
        private final long start;
        private final RetryLoop.Progress progress;
        private final StringBuilder text = new StringBuilder();
        private TokenUsage usage = TokenUsage.NONE;

        private Attempt(GenerationCall call, RetryLoop.Progress progress, long start) {
            this.call = call;
            this.progress = progress;
            this.heldBack = RemoteAnswer.heldBack(call.request());
            this.start = start;
        }

        ProviderResult run(Client client, List<Content> contents, GenerateContentConfig config) {
            GeminiHttpInterceptor.bind(call.cancellation());
            try (ResponseStream<GenerateContentResponse> stream =
                         client.models.generateContentStream(properties.model(), contents, config)) {
                call.cancellation().onCancel(stream::close);
                for (GenerateContentResponse response : stream) {
                    accept(response);
                }
            } finally {
                GeminiHttpInterceptor.unbind();
            }
            call.cancellation().throwIfCancelled();
            return result();
        }

        private void accept(GenerateContentResponse response) {
            call.cancellation().throwIfCancelled();
            if (Duration.ofNanos(System.nanoTime() - start).compareTo(properties.totalTimeout()) > 0) {
                throw new LlmFailure(FailureReason.TIMEOUT, true, "The Gemini answer took longer than "
                        + properties.totalTimeout().toSeconds() + "s");
            }
            response.promptFeedback().flatMap(feedback -> feedback.blockReason()).ifPresent(reason -> {
                throw new LlmFailure(FailureReason.BLOCKED, false, "Gemini blocked the prompt (" + reason + ")");
            });
            response.usageMetadata().ifPresent(meta -> usage = new TokenUsage(
                    meta.promptTokenCount().orElse(0), meta.candidatesTokenCount().orElse(0),
                    meta.totalTokenCount().orElse(0)));
            String piece = response.candidates().filter(list -> !list.isEmpty()).isPresent() ? response.text() : null;
            if (piece != null && !piece.isEmpty()) {
                text.append(piece);
                if (!heldBack) {
                    call.sink().accept(piece);
                    progress.streamed();
                }
            }
            response.candidates().filter(list -> !list.isEmpty())
                    .flatMap(list -> list.getFirst().finishReason())
                    .filter(reason -> BLOCKING.contains(reason.knownEnum()))
                    .ifPresent(reason -> {
                        throw new LlmFailure(FailureReason.BLOCKED, false, "Gemini stopped the answer (" + reason + ")");
                    });
        }

        private ProviderResult result() {
            return RemoteAnswer.complete(call, text.toString(), usage, "Gemini");
        }
    }
}
