package com.cvchat.platform.openapi;

import com.cvchat.platform.security.PlatformSecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
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

    static {
        // types springdoc would describe by their Java getters: a JSON tree (cv_data, a JSON Resume) and an SSE answer
        SpringDocUtils.getConfig()
                .replaceWithSchema(JsonNode.class, PlatformApiDocs.typed("object").description("a JSON object"))
                .replaceWithSchema(SseEmitter.class, PlatformApiDocs.typed("string")
                        .description("Server-Sent Events (text/event-stream)"));
    }

    @Bean
    JsonNamesModelConverter jsonNamesModelConverter(ObjectProvider<JsonMapper> json) {
        JsonMapper mapper = json.getIfAvailable();
        return new JsonNamesModelConverter(
                mapper == null ? null : mapper.serializationConfig().getPropertyNamingStrategy());
    }

    @Bean
    ApiExamples apiExamples() {
        return new ApiExamples();
    }

    @Bean
    PlatformApiDocs platformApiDocs(PlatformSecurityProperties security) {
        return new PlatformApiDocs(security.publicPaths(), security.queryTokenPaths());
    }
}
