package com.cvchat.platform.test;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A servlet service's OpenAPI document against its controllers, over a real socket and without a token: every
 * mapping of the service's own controllers is described (method and path), nothing else is, and no internal or
 * actuator path leaks. A controller method added without its description fails the service's tests.
 */
public final class ApiDocsChecks {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiDocsChecks() {
    }

    /**
     * @param mappings   the service's {@code requestMappingHandlerMapping}
     * @param extraPaths operations the document carries that no controller maps (the voice WebSocket's handshake),
     *                   as {@code "GET /path"}
     * @return the document, for further checks
     */
    public static JsonNode assertDescribesEveryMapping(int port, RequestMappingHandlerMapping mappings,
                                                       String... extraPaths) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET /v3/api-docs without a token").isEqualTo(200);
        // kept beside the build's other reports, for a look at what a client generator reads
        Files.writeString(Files.createDirectories(Path.of("target")).resolve("openapi.json"), response.body());
        JsonNode document = JSON.readTree(response.body());
        assertThat(document.path("openapi").asString()).startsWith("3.1");

        Set<String> described = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            for (String method : path.getValue().propertyNames()) {
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                    described.add(method.toUpperCase() + " " + path.getKey());
                }
            }
        }
        Set<String> expected = new TreeSet<>(Set.of(extraPaths));
        mappings.getHandlerMethods().forEach((info, handler) -> expected.addAll(operations(info, handler)));
        assertThat(described).as("operations of the OpenAPI document vs. the controllers' mappings")
                .containsExactlyInAnyOrderElementsOf(expected);
        return document;
    }

    private static Set<String> operations(RequestMappingInfo info, HandlerMethod handler) {
        Set<String> operations = new TreeSet<>();
        if (!handler.getBeanType().getPackageName().startsWith("com.cvchat.")) {
            return operations;
        }
        for (String pattern : info.getPatternValues()) {
            if (pattern.startsWith("/internal/")) {
                continue;
            }
            String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
            if (info.getMethodsCondition().getMethods().isEmpty()) {
                operations.add("ANY " + path); // a mapping for every method: the document cannot match it, say so
            }
            info.getMethodsCondition().getMethods().forEach(method -> operations.add(method.name() + " " + path));
        }
        return operations;
    }
}
