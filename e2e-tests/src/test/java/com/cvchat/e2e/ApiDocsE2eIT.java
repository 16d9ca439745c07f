package com.cvchat.e2e;

import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Given the whole stack, the gateway serves one OpenAPI document of every service without a token, and every path it
 * describes is one the gateway routes to a service.
 */
class ApiDocsE2eIT {

    private static final String NOT_ROUTED = "no API endpoint matches this path";

    private static ApiResponse get(String path, String... headers) {
        return ApiClient.at(E2eStack.url(ServiceSpec.GATEWAY)).get(path, headers);
    }

    @Test
    void shouldDescribeEveryServiceInOneDocumentWhosePathsTheGatewayRoutes() throws Exception {
        E2eStack.get();
        AtomicReference<JsonNode> merged = new AtomicReference<>();
        // a service that answered late is fetched again after 5 s
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            ApiResponse response = get("/v3/api-docs");
            assertThat(response.status()).isEqualTo(200);
            JsonNode document = response.json();
            assertThat(document.path("info").path("description").asString()).doesNotContain("Not included right now");
            merged.set(document);
        });
        JsonNode document = merged.get();
        assertThat(document.path("openapi").asString()).startsWith("3.1");
        assertThat(document.path("paths").propertyNames()).contains("/api/v1/auth/login", "/api/v1/chats",
                "/api/v1/chats/{id}/message", "/api/v1/chats/{id}/messages/{messageId}/stream", "/api/v1/chat/start",
                "/api/v1/chat/message", "/api/v1/documents/{id}/export", "/api/v1/chats/ws/voice/{chat_session_id}")
                .noneMatch(path -> path.startsWith("/internal") || path.startsWith("/actuator"));
        assertThat(document.at("/paths/~1api~1v1~1chats~1{id}~1message/post/responses/200/content")
                .has("text/event-stream")).isTrue();
        assertThat(get("/swagger-ui.html").status()).isIn(200, 302);

        // every described path reaches a service through the gateway (a GET: no side effects; 404/405 from the
        // service are fine, the gateway's own "no endpoint" is not)
        String bearer = E2eUsers.newUser().bearer();
        List<String> notRouted = new ArrayList<>();
        for (String path : document.path("paths").propertyNames()) {
            String concrete = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            ApiResponse response = get(concrete, "Authorization", bearer);
            if (response.body().contains(NOT_ROUTED)) {
                notRouted.add(path);
            }
        }
        assertThat(notRouted).as("described paths the gateway does not route").isEmpty();
    }
}
