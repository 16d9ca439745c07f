package com.cvchat.llmworker.offline.eval;

import com.cvchat.llmworker.apikey.AuthKeyProperties;
import com.cvchat.llmworker.apikey.GeminiKeyResolver;
import com.cvchat.llmworker.provider.gemini.GeminiProperties;
import com.cvchat.llmworker.provider.gemini.GeminiProvider;
import com.cvchat.llmworker.provider.openai.OpenAiCompatibleProvider;
import com.cvchat.llmworker.provider.openai.OpenAiProperties;

import java.util.Arrays;
import java.util.List;

/**
 * The score command: {@code scripts/offline-model-score [--model offline|gemini|openai-compatible] [--details]
 * [--only <part of an id>]} prints field-level precision and recall per section and overall on the evaluation corpus.
 * {@code gemini} reads {@code GEMINI_API_KEY} (required), {@code GEMINI_MODEL}, {@code GEMINI_BASE_URL};
 * {@code openai-compatible} reads {@code OPENAI_BASE_URL}, {@code OPENAI_MODEL}, {@code OPENAI_API_KEY}.
 */
public final class ScoreCommand {

    private ScoreCommand() {
    }

    public static void main(String[] args) {
        List<String> options = Arrays.asList(args);
        String model = value(options, "--model", "offline");
        String part = value(options, "--only", "");
        List<Conversation> corpus = Conversation.corpus().stream().filter(c -> c.id().contains(part)).toList();
        Evaluation.Report report = Evaluation.run(corpus, model(model));
        ReportPrinter.print(model, report, options.contains("--details"), System.out);
    }

    private static TurnModel model(String name) {
        return switch (name) {
            case "offline" -> new OfflineTurnModel();
            case "gemini" -> {
                String key = System.getenv("GEMINI_API_KEY");
                if (key == null || key.isBlank()) {
                    throw new IllegalArgumentException("--model gemini needs GEMINI_API_KEY");
                }
                GeminiProperties properties = new GeminiProperties(null, System.getenv("GEMINI_MODEL"),
                        System.getenv("GEMINI_BASE_URL"), null, null, null, null, null, null, null, null);
                yield new RemoteTurnModel(new GeminiProvider(properties,
                        new GeminiKeyResolver(new AuthKeyProperties(null, null, null, null), key)));
            }
            case "openai-compatible" -> new RemoteTurnModel(new OpenAiCompatibleProvider(new OpenAiProperties(
                    System.getenv("OPENAI_BASE_URL"), System.getenv("OPENAI_MODEL"), System.getenv("OPENAI_API_KEY"),
                    null, null, null, null, null)));
            default -> throw new IllegalArgumentException("--model is offline, gemini or openai-compatible, not " + name);
        };
    }

    private static String value(List<String> options, String name, String fallback) {
        int at = options.indexOf(name);
        return at >= 0 && at + 1 < options.size() ? options.get(at + 1) : fallback;
    }
}
