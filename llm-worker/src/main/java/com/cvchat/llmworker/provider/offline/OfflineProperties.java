package com.cvchat.llmworker.provider.offline;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The offline provider.
 *
 * @param wordDelay pause between two streamed words ({@code LLM_OFFLINE_WORD_DELAY}, e.g. {@code 40ms} or {@code PT0.04S})
 */
@ConfigurationProperties("llm.offline")
public record OfflineProperties(Duration wordDelay) {

    public OfflineProperties {
        wordDelay = wordDelay == null ? Duration.ofMillis(40) : wordDelay;
    }
}
