package com.cvchat.llmworker.provider;

import com.cvchat.llmworker.apikey.GeminiKeyResolver;
import com.cvchat.llmworker.offline.cv.OfflineCvTurn;
import com.cvchat.llmworker.provider.gemini.GeminiProperties;
import com.cvchat.llmworker.provider.gemini.GeminiProvider;
import com.cvchat.llmworker.provider.offline.OfflineProperties;
import com.cvchat.llmworker.provider.offline.OfflineProvider;
import com.cvchat.llmworker.provider.openai.OpenAiCompatibleProvider;
import com.cvchat.llmworker.provider.openai.OpenAiProperties;
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
                            ObjectProvider<OfflineCvTurn> cvTurn,
                            GeminiProperties gemini,
                            GeminiKeyResolver keys,
                            OpenAiProperties openai) {
        return switch (provider.strip().toLowerCase(java.util.Locale.ROOT)) {
            case OfflineProvider.NAME -> new OfflineProvider(offline, cvTurn);
            case GeminiProvider.NAME -> new GeminiProvider(gemini, keys);
            case OpenAiCompatibleProvider.NAME -> new OpenAiCompatibleProvider(openai);
            default -> throw new IllegalStateException("llm.provider (LLM_PROVIDER) must be one of offline, gemini, "
                    + "openai-compatible; got '" + provider + "'");
        };
    }
}
