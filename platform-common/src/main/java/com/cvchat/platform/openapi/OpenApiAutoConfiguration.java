package com.cvchat.platform.openapi;

import com.cvchat.platform.security.PlatformSecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * The parts every servlet service's OpenAPI document shares (the error body, the bearer token, the status codes every
 * endpoint may answer), for the services that bring springdoc.
 */
@AutoConfiguration
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(PlatformSecurityProperties.class)
public class OpenApiAutoConfiguration {

    @Bean
    JsonNamesModelConverter jsonNamesModelConverter(ObjectProvider<JsonMapper> json) {
        JsonMapper mapper = json.getIfAvailable();
        return new JsonNamesModelConverter(
                mapper == null ? null : mapper.serializationConfig().getPropertyNamingStrategy());
    }

    @Bean
    ResponseExamples responseExamples() {
        return new ResponseExamples();
    }

    @Bean
    PlatformApiDocs platformApiDocs(PlatformSecurityProperties security) {
        return new PlatformApiDocs(security.publicPaths(), security.queryTokenPaths());
    }
}
