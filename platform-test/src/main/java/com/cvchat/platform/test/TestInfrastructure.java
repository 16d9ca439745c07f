package com.cvchat.platform.test;

import com.cvchat.localstack.MongoStore;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The embedded parts shared by every service test in one JVM: an in-memory MongoDB-wire store and a JWKS issuer,
 * started once. Kafka comes from {@code @EmbeddedKafka} (a real KRaft broker) on the test class.
 *
 * <pre>
 * &#64;DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     TestInfrastructure.register(registry, "chat");
 * }
 * </pre>
 */
public final class TestInfrastructure {

    private static MongoStore mongo;
    private static TestJwtIssuer issuer;

    private TestInfrastructure() {
    }

    public static synchronized MongoStore mongo() {
        if (mongo == null) {
            mongo = MongoStore.inMemory();
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        }
        return mongo;
    }

    public static synchronized TestJwtIssuer issuer() {
        if (issuer == null) {
            issuer = TestJwtIssuer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(issuer::close));
        }
        return issuer;
    }

    /** Registers the store (database {@code database}), the JWKS URI and the embedded broker's address. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.mongodb.uri", () -> mongo().uri(database));
        registry.add("platform.security.jwk-set-uri", () -> issuer().jwkSetUri());
        registry.add("spring.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
    }

    /** A fresh random user-keys master key for this test context: conversation payloads are sealed as in production. */
    public static void registerUserKeysMasterKey(DynamicPropertyRegistry registry) {
        byte[] master = new byte[32];
        new SecureRandom().nextBytes(master);
        registry.add("platform.user-keys.master-key", () -> Base64.getEncoder().encodeToString(master));
    }
}
