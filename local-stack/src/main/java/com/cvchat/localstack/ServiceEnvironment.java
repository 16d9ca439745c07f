package com.cvchat.localstack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment each service process of a stack gets: where the broker, the store and the other services are, the
 * data folder, the users' data-key master key file, a service-to-service token fresh for every run, and the
 * configuration's extra variables (which win over the token and the key file).
 */
final class ServiceEnvironment {

    private final StackConfig config;
    /** Service-to-service credential for internal endpoints (never routed by the gateway); fresh for every run. */
    private final String internalToken = newInternalToken();

    ServiceEnvironment(StackConfig config) {
        this.config = config;
    }

    /** A new, modifiable map with {@code spec}'s environment. */
    Map<String, String> of(ServiceSpec spec) {
        Map<String, String> env = new LinkedHashMap<>(config.extraEnv());
        env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:" + config.kafkaPort());
        if (spec.database() != null) {
            env.put("SPRING_MONGODB_URI", "mongodb://localhost:" + config.mongoPort() + "/" + spec.database());
        }
        env.put("CVCHAT_DATA_DIR", config.dataDir().toString());
        env.putIfAbsent("INTERNAL_API_TOKEN", internalToken);
        if (spec.database() != null && !env.containsKey("USER_KEYS_MASTER_KEY")) {   // the services that seal or erase
            env.putIfAbsent("USER_KEYS_MASTER_KEY_FILE", UserKeysMasterKeyFile.ensure(config.dataDir()).toString());
        }
        env.put("PLATFORM_SECURITY_JWK_SET_URI", config.url(ServiceSpec.AUTH) + "/.well-known/jwks.json");
        for (ServiceSpec other : ServiceSpec.values()) {
            env.put(other.urlVariable(), config.url(other));
        }
        return env;
    }

    private static String newInternalToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
