package com.cvchat.gateway;

import com.cvchat.platform.test.HealthChecks;
import com.cvchat.platform.test.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service starts with the local-style embedded parts; with {@code MANAGEMENT_PORT} set (as in compose and k8s)
 * health and metrics are on the management port only, and the public port serves no actuator endpoint to anyone —
 * only the probe paths {@code /livez} and {@code /readyz}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "MANAGEMENT_PORT=0")
class GatewayServiceApplicationIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "gateway");
    }

    @Test
    void shouldStartAndReportHealthUpOnTheManagementPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        HealthChecks.assertHealthyAndScrapeable(managementPort);
    }

    @Test
    void shouldServeNoActuatorEndpointOnThePublicPort() throws Exception {
        String token = "Bearer " + TestInfrastructure.issuer().token(UUID.randomUUID().toString());
        for (String path : List.of("/actuator/prometheus", "/actuator/health", "/actuator/env", "/actuator/info")) {
            HttpResponse<String> anonymous = get(port, path);
            assertThat(anonymous.statusCode()).as("%s without a token", path).isIn(401, 404);
            assertThat(anonymous.body()).as(path).doesNotContain("jvm_").startsWith("{\"error\":");
            HttpResponse<String> signedIn = get(port, path, "Authorization", token);
            assertThat(signedIn.statusCode()).as("%s with a token", path).isEqualTo(404);
            assertThat(signedIn.body()).as(path).doesNotContain("jvm_").startsWith("{\"error\":");
        }
        for (String probe : List.of("/livez", "/readyz")) {
            HttpResponse<String> response = get(port, probe);
            assertThat(response.statusCode()).as(probe).isEqualTo(200);
            assertThat(response.body()).as(probe).contains("\"status\":\"UP\"");
        }
    }

    private HttpResponse<String> get(int target, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + target + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
