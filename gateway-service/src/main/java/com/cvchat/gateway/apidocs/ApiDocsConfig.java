package com.cvchat.gateway.apidocs;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /v3/api-docs}: the API of every service behind the gateway in one OpenAPI 3.1 document, no token needed;
 * Swagger UI ({@code /swagger-ui.html}, springdoc) shows it. See {@link MergedApiDocs}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static final String PATH = "/v3/api-docs";

    @Bean
    MergedApiDocs mergedApiDocs(RouteLocator routes) throws IOException {
        String description = new ClassPathResource("openapi/description.md").getContentAsString(StandardCharsets.UTF_8);
        ObjectNode info = JsonMapper.builder().build().createObjectNode()
                .put("title", "CV Chat Platform API").put("version", "v1").put("description", description);
        return new MergedApiDocs(routes, new ApiDocsMerger(info));
    }

    @Bean
    RouterFunction<ServerResponse> apiDocsRoute(MergedApiDocs docs) {
        return RouterFunctions.route().GET(PATH, request -> docs.document()
                .flatMap(document -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(document)))
                .build();
    }
}
