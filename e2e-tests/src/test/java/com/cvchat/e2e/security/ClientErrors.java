package com.cvchat.e2e.security;

import com.cvchat.e2e.E2eStack;
import com.cvchat.localstack.ServiceSpec;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What every refused request must look like to a person: a JSON {@code {"error": "..."}} and nothing internal. */
final class ClientErrors {

    /** Words that only appear in a body when internals leak (exception names, stack frames, packages). */
    private static final List<String> INTERNALS = List.of("exception", "\tat ", "at com.", "at org.", "java.",
            "springframework", "jackson", "com.cvchat", "netty", "tomcat", "stacktrace", "trace\":");

    private ClientErrors() {
    }

    /** The body is a JSON object whose {@code error} is a non-blank sentence; nothing internal shows. */
    static void assertClearError(String context, String body) {
        JsonNode json;
        try {
            json = ApiClient.JSON.readTree(body);
        } catch (RuntimeException e) {
            throw new AssertionError(context + ": the body is not JSON: " + body);
        }
        assertThat(json.isObject()).as(context + ": body " + body).isTrue();
        assertThat(json.path("error").isString()).as(context + ": body " + body).isTrue();
        assertThat(json.path("error").asString()).as(context + ": body " + body).isNotBlank();
        assertNoInternals(context, body);
    }

    static void assertNoInternals(String context, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String internal : INTERNALS) {
            assertThat(lower).as(context + ": internals (" + internal.strip() + ") in " + text).doesNotContain(internal);
        }
    }

    /** Every service answers UP on its actuator health endpoint. */
    static void assertEveryServiceHealthy() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            ApiResponse health = ApiClient.at(E2eStack.url(spec)).withTimeout(Duration.ofSeconds(10))
                    .get("/actuator/health");
            assertThat(health.status()).as(spec.module()).isEqualTo(200);
            assertThat(health.body()).as(spec.module()).contains("\"status\":\"UP\"");
        }
    }
}
