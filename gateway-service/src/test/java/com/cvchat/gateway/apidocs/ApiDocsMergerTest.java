package com.cvchat.gateway.apidocs;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiDocsMergerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ERROR = "{\"type\": \"object\", \"properties\": {\"error\": {\"type\": \"string\"}}}";

    private final ApiDocsMerger merger = new ApiDocsMerger(
            JSON.createObjectNode().put("title", "CV Chat Platform API").put("version", "v1")
                    .put("description", "All."));

    private static JsonNode document(String path, String statusSchema) {
        return JSON.readTree("""
                {"openapi": "3.1.0", "info": {"title": "service", "version": "v0"},
                 "servers": [{"url": "http://localhost:8081"}],
                 "paths": {"%s": {"get": {"tags": ["t"], "responses": {
                   "200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Status"}}}},
                   "404": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}}}},
                 "components": {"schemas": {"Status": %s, "Error": %s},
                   "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}}},
                 "tags": [{"name": "t"}]}
                """.formatted(path, statusSchema, ERROR));
    }

    @Test
    void shouldJoinTheServicesDocumentsUnderTheGatewaysOrigin() {
        ObjectNode merged = merger.merge(List.of(
                new ApiDocsMerger.Part("auth", document("/api/v1/auth/me", "{\"type\": \"boolean\"}"), null),
                new ApiDocsMerger.Part("chat", document("/api/v1/chats", "{\"type\": \"boolean\"}"), null)));

        assertThat(merged.path("openapi").asString()).isEqualTo("3.1.0");
        assertThat(merged.path("info").path("title").asString()).isEqualTo("CV Chat Platform API");
        assertThat(merged.path("info").path("description").asString()).isEqualTo("All.");
        assertThat(merged.path("servers")).hasSize(1);
        assertThat(merged.path("servers").get(0).path("url").asString()).isEqualTo("/");
        assertThat(merged.path("paths").propertyNames()).containsExactlyInAnyOrder("/api/v1/auth/me", "/api/v1/chats");
        assertThat(merged.path("components").path("schemas").propertyNames())
                .containsExactlyInAnyOrder("Status", "Error");
        assertThat(merged.path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(merged.path("tags")).hasSize(1);
    }

    @Test
    void shouldRenameAComponentTwoServicesDescribeDifferentlyWithItsReferences() {
        ObjectNode merged = merger.merge(List.of(
                new ApiDocsMerger.Part("auth", document("/api/v1/auth/me", "{\"type\": \"boolean\"}"), null),
                new ApiDocsMerger.Part("chat", document("/api/v1/chats", "{\"type\": \"string\"}"), null)));

        JsonNode schemas = merged.path("components").path("schemas");
        assertThat(schemas.path("Status").path("type").asString()).isEqualTo("boolean");
        assertThat(schemas.path("chat_Status").path("type").asString()).isEqualTo("string");
        assertThat(schemas.propertyNames()).doesNotContain("chat_Error");
        assertThat(merged.at("/paths/~1api~1v1~1chats/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/chat_Status");
        assertThat(merged.at("/paths/~1api~1v1~1auth~1me/get/responses/200/content/application~1json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Status");
    }

    @Test
    void shouldServeTheOthersAndSayWhichServiceIsMissing() {
        ObjectNode merged = merger.merge(List.of(
                new ApiDocsMerger.Part("auth", document("/api/v1/auth/me", "{\"type\": \"boolean\"}"), null),
                new ApiDocsMerger.Part("cv-builder", null, "did not answer")));

        assertThat(merged.path("paths").propertyNames()).containsExactly("/api/v1/auth/me");
        assertThat(merged.path("info").path("description").asString())
                .startsWith("All.").contains("**Not included right now**").contains("cv-builder (did not answer)");
    }
}
