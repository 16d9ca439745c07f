package com.cvchat.auth;

import com.cvchat.platform.test.TestInfrastructure;
import com.cvchat.platform.test.ApiDocsChecks;
import com.cvchat.platform.test.http.ApiClient;
import com.cvchat.platform.test.http.ApiResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The service starts with the local-style embedded parts and reports health over a real socket. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServiceApplicationIT {

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws Exception {
        TestInfrastructure.register(registry, "auth");
        registerDataDir(registry);
    }

    /** Keys of the test instance go into a fresh folder, as they would into {@code CVCHAT_DATA_DIR/auth}. */
    static void registerDataDir(DynamicPropertyRegistry registry) throws Exception {
        Path data = Files.createTempDirectory("auth-it");
        registry.add("auth.key-dir", () -> data.resolve("keys").toString());
        registry.add("auth.gemini-key-encryption-file", () -> data.resolve("gemini.key").toString());
        registry.add("auth.internal-api-token", () -> "internal-test-token");
    }

    @Test
    void shouldStartAndReportHealthUp() {
        ApiClient client = ApiClient.local(port);
        for (String path : new String[]{"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            ApiResponse response = client.get("http://localhost:" + port + path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.text("status")).as(path).isEqualTo("UP");
        }
        assertThat(client.get("http://localhost:" + port + "/actuator/prometheus").body())
                .contains("jvm_memory_used_bytes");
    }

    @Test
    void shouldDescribeEveryEndpointInItsOpenApiDocument() throws Exception {
        ApiDocsChecks.assertDescribesEveryMapping(port, mappings);
    }
}
