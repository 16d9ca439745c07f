package com.cvchat.platform.test;

import com.cvchat.localstack.MongoStore;
import org.springframework.test.context.DynamicPropertyRegistry;

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
}
