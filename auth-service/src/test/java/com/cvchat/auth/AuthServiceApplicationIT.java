package com.cvchat.auth;

import com.cvchat.platform.test.ServiceApplicationChecks;
import com.cvchat.platform.test.TestInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;

/** The service starts with the local-style embedded parts and passes every service's start checks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthServiceApplicationIT extends ServiceApplicationChecks {

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
}
