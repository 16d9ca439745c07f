package com.cvchat.platform.limits;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * One {@link ModelUsageLimits} per service, configured by {@code platform.model-limits.*}: counted in the service's
 * MongoDB (collection {@code model_usage}) when it has one, so every instance shares the limit; else in memory.
 */
@AutoConfiguration
@EnableConfigurationProperties(ModelLimitsProperties.class)
public class ModelLimitsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ModelUsageLimits modelUsageLimits(ModelLimitsProperties properties) {
        return new ModelUsageLimits(properties, System::nanoTime);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.mongodb.core.MongoTemplate")
    static class Shared {

        @Bean
        @ConditionalOnMissingBean
        ModelUsageLimits sharedModelUsageLimits(ModelLimitsProperties properties, ObjectProvider<MongoTemplate> mongo) {
            MongoTemplate template = mongo.getIfAvailable();
            return template == null ? new ModelUsageLimits(properties, System::nanoTime)
                    : new ModelUsageLimits(properties, new MongoUsageCounter(
                            template.getCollection(MongoUsageCounter.COLLECTION), properties, System::currentTimeMillis));
        }
    }
}
