package com.cvchat.llmworker.provider;

import com.cvchat.llmworker.offline.cv.OfflineCvTurn;
import com.cvchat.llmworker.provider.offline.OfflineProperties;
import com.cvchat.llmworker.provider.offline.OfflineProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the one {@link LlmProvider} of this worker from {@code llm.provider} ({@code LLM_PROVIDER}). */
@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    LlmProvider llmProvider(@Value("${llm.provider:offline}") String provider,
                            OfflineProperties offline,
                            ObjectProvider<OfflineCvTurn> cvTurn) {
        return switch (provider.strip().toLowerCase(java.util.Locale.ROOT)) {
            case OfflineProvider.NAME -> new OfflineProvider(offline, cvTurn);
            default -> throw new IllegalStateException("llm.provider (LLM_PROVIDER) must be one of offline, gemini, "
                    + "openai-compatible; got '" + provider + "'");
        };
    }
}
