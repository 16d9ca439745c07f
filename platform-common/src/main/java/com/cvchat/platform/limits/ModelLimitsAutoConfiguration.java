package com.cvchat.platform.limits;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** One {@link ModelUsageLimits} per service instance, configured by {@code platform.model-limits.*}. */
@AutoConfiguration
@EnableConfigurationProperties(ModelLimitsProperties.class)
public class ModelLimitsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ModelUsageLimits modelUsageLimits(ModelLimitsProperties properties) {
        return new ModelUsageLimits(properties, System::nanoTime);
    }
}
