package com.cvchat.llmworker.provider.gemini;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The {@code gemini} provider.
 *
 * @param apiKey         server key used when the user has none ({@code GEMINI_API_KEY}); never logged
 * @param model          model name ({@code GEMINI_MODEL})
 * @param baseUrl        API base URL ({@code GEMINI_BASE_URL}); empty = Google's default
 * @param thinkingBudget thinking token budget ({@code GEMINI_THINKING_BUDGET}); empty = the model's default, 0 = off
 * @param historyWindow  how many of the most recent history turns are sent
 * @param maxAttempts    attempts of one request in total (first try included)
 * @param initialBackoff first wait after a 503/504/connection failure (doubles each time, up to {@code maxBackoff})
 * @param maxBackoff     longest wait between attempts, also the longest honoured 429 {@code retryDelay}
 * @param totalTimeout   cap on the whole request including waits; a retry that would pass it is not made
 * @param connectTimeout TCP connect timeout
 * @param readTimeout    longest silence on the socket (first byte, or between two stream events)
 */
@ConfigurationProperties("llm.gemini")
public record GeminiProperties(
        String apiKey,
        String model,
        String baseUrl,
        Integer thinkingBudget,
        Integer historyWindow,
        Integer maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        Duration totalTimeout,
        Duration connectTimeout,
        Duration readTimeout) {

    public GeminiProperties {
        model = model == null || model.isBlank() ? "gemini-2.5-flash" : model.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
        historyWindow = historyWindow == null ? 20 : historyWindow;
        maxAttempts = maxAttempts == null ? 4 : Math.max(1, maxAttempts);
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(1) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofSeconds(30) : maxBackoff;
        totalTimeout = totalTimeout == null ? Duration.ofSeconds(90) : totalTimeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
    }

    @Override
    public String toString() {
        return "GeminiProperties[model=" + model + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + "]";
    }
}
