package com.cvchat.platform.openapi;

import com.cvchat.platform.security.PlatformJwt;
import com.cvchat.platform.web.ApiErrorAdvice;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.core.Ordered;
import org.springframework.util.AntPathMatcher;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completes a service's OpenAPI document with what the platform does the same way everywhere, so that controllers
 * declare only what is theirs:
 * <ul>
 *   <li>the error body {@code {"error": "..."}} ({@value #ERROR_SCHEMA}) on every 4xx/5xx answer; an answer a
 *   controller declares with only a description gets that description as its example message;</li>
 *   <li>the bearer access token on every operation outside {@code platform.security.public-paths}, with its 401
 *   (the paths of {@code query-token-paths} take it as {@code ?token=}: 401 only);</li>
 *   <li>400 for malformed input wherever a body or a query/header parameter is read, and 503 + {@code Retry-After}
 *   (store or broker outage) on every operation behind a token;</li>
 *   <li>{@code application/json} for answers springdoc writes as {@code *}{@code /*};</li>
 *   <li>no {@code /internal/**} or {@code /actuator} path: the document describes what the gateway routes.</li>
 * </ul>
 */
public class PlatformApiDocs implements OpenApiCustomizer, Ordered {

    public static final String ERROR_SCHEMA = "Error";
    public static final String BEARER = "bearer";
    /** The 429 of every operation that asks the model (platform.model-limits), for their {@code @ApiResponse}. */
    public static final String MODEL_LIMIT = "You have used your limit of 20 AI requests per minute. "
            + "Try again in 12 seconds.";
    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;

    private final List<String> publicPaths;
    private final List<String> queryTokenPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public PlatformApiDocs(List<String> publicPaths, List<String> queryTokenPaths) {
        this.publicPaths = publicPaths;
        this.queryTokenPaths = queryTokenPaths;
    }

    /** After the service's own customizers, so that what they add is completed too. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void customise(OpenAPI openApi) {
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.setComponents(components);
        components.addSchemas(ERROR_SCHEMA, typed("object").addRequiredItem("error")
                .description("Every error answer of the API. The message names a field as the client sent it.")
                .addProperty("error", typed("string").example("title: is required")));
        components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                .bearerFormat("JWT")
                .description("The access_token of POST /api/v1/auth/login or /refresh (RS256, 15 minutes)."));
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().keySet().removeIf(path -> path.startsWith("/internal/") || path.startsWith("/actuator"));
        openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                complete(path, operation)));
    }

    private void complete(String path, Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean tokenInQuery = matches(queryTokenPaths, path);
        // path variables are ids: a wrong one is a 404, which the controller declares
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters().stream()
                .filter(parameter -> !"path".equals(parameter.getIn())).toList();
        if ((operation.getRequestBody() != null || !parameters.isEmpty()) && !tokenInQuery
                && !responses.containsKey("400")) {
            String example = operation.getRequestBody() != null ? "Request body is missing or is not valid JSON"
                    : "Parameter '" + parameters.getFirst().getName() + "' has an invalid value";
            responses.addApiResponse("400", new ApiResponse()
                    .description("Bad input: malformed JSON, a missing or invalid field or parameter (named as sent)")
                    .content(new Content().addMediaType(JSON, new MediaType().example(Map.of("error", example)))));
        }
        if (!matches(publicPaths, path)) {
            if (!tokenInQuery) {
                operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
            }
            responses.putIfAbsent("401", new ApiResponse().description(PlatformJwt.INVALID_TOKEN_MESSAGE));
            responses.putIfAbsent("503", new ApiResponse()
                    .description(ApiErrorAdvice.UNAVAILABLE)
                    .addHeaderObject("Retry-After", new Header().description("seconds to wait")
                            .schema(typed("integer").example(5))));
        }
        responses.forEach((status, response) -> {
            errorBody(status, response);
            jsonNotAnything(response);
        });
    }

    /** A schema of one JSON type, as OpenAPI 3.0 and 3.1 write it. */
    public static Schema<Object> typed(String type) {
        return new Schema<>().type(type).types(Set.of(type));
    }

    /** springdoc writes {@code *}{@code /*} for an answer whose method declares no type: the API answers JSON. */
    private static void jsonNotAnything(ApiResponse response) {
        if (response.getContent() != null && response.getContent().containsKey("*/*")
                && !response.getContent().containsKey(JSON)) {
            response.getContent().addMediaType(JSON, response.getContent().remove("*/*"));
        }
    }

    private boolean matches(List<String> patterns, String path) {
        return patterns.stream().anyMatch(pattern -> matcher.match(pattern, path));
    }

    /**
     * An error answer is always {@code application/json} with the error schema (springdoc would give it the
     * operation's success type); its example is the one the controller gave, else its description as the message.
     */
    private static void errorBody(String status, ApiResponse response) {
        if (!status.matches("[45]\\d\\d")) {
            return;
        }
        Object example = null;
        if (response.getContent() != null) {
            for (MediaType media : response.getContent().values()) {
                if (media.getExample() != null) {
                    example = media.getExample();
                } else if (media.getExamples() != null && !media.getExamples().isEmpty()) {
                    example = media.getExamples().values().iterator().next().getValue();
                }
            }
        }
        String message = response.getDescription() == null ? "" : response.getDescription();
        response.setContent(new Content().addMediaType(JSON, new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + ERROR_SCHEMA))
                .example(example != null ? example : Map.of("error", message))));
    }
}
