package com.cvchat.llmworker.provider.openai;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code openai-compatible} provider (Ollama, vLLM, llama.cpp server, OpenAI …).
 *
 * @param baseUrl        server URL ({@code OPENAI_BASE_URL}), with or without the trailing {@code /v1}
 * @param model          model name ({@code OPENAI_MODEL})
 * @param apiKey         bearer key ({@code OPENAI_API_KEY}); optional, most self-hosted servers need none
 * @param historyWindow  how many of the most recent history turns are sent
 * @param maxAttempts    attempts in total (first try included)
 * @param initialBackoff first wait after a 429/5xx/connection failure (doubles each time)
 * @param totalTimeout   cap on the whole request including waits
 * @param readTimeout    longest wait for the response headers, and longest silence in the stream
 */
@ConfigurationProperties("llm.openai")
public record OpenAiProperties(
        String baseUrl,
        String model,
        String apiKey,
        Integer historyWindow,
        Integer maxAttempts,
        Duration initialBackoff,
        Duration totalTimeout,
        Duration readTimeout) {

    public OpenAiProperties {
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "http://localhost:11434" : baseUrl.strip().replaceAll("/+$", "");
        model = model == null || model.isBlank() ? "llama3.2" : model.strip();
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        historyWindow = historyWindow == null ? 20 : historyWindow;
        maxAttempts = maxAttempts == null ? 3 : Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        totalTimeout = totalTimeout == null ? Duration.ofSeconds(120) : totalTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(60) : readTimeout;
    }

    /** {@code …/v1/chat/completions}, whether or not the base URL already ends in {@code /v1}. */
    public String completionsUrl() {
        return (baseUrl.endsWith("/v1") ? baseUrl : baseUrl + "/v1") + "/chat/completions";
    }

    @Override
    public String toString() {
        return "OpenAiProperties[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "none" : "***")
                + "]";
    }
}
