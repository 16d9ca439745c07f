package com.cvchat.platform.observability;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Defaults every service shares (observability, Kafka wire format, error pages), added with the lowest precedence so
 * any {@code application.yml} or environment variable overrides them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "platformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        // health (liveness + readiness groups), metrics, tracing
        defaults.put("management.endpoints.web.exposure.include", "health,info,prometheus");
        defaults.put("management.endpoint.health.probes.enabled", "true");
        defaults.put("management.endpoint.health.probes.add-additional-paths", "true");
        defaults.put("management.endpoint.health.show-details", "never");
        // /actuator/info: build (spring-boot-maven-plugin build-info) and git branch, commit, its time (git.properties)
        defaults.put("management.info.git.mode", "simple");
        // actuator on its own port (MANAGEMENT_PORT; compose and k8s: 9090), never routed by the gateway or the
        // ingress; /livez and /readyz stay on the API port for probes. Unset: the API port (local stack, tests)
        defaults.put("management.server.port", "${MANAGEMENT_PORT:}");
        defaults.put("management.tracing.sampling.probability", "1.0");
        defaults.put("management.opentelemetry.logging.export.otlp.enabled", "false");
        defaults.put("management.otlp.metrics.export.enabled", "false");
        defaults.put("management.metrics.tags.application", "${spring.application.name}");
        defaults.put("logging.pattern.correlation",
                "[${spring.application.name:},%X{traceId:-},%X{spanId:-},%X{requestId:-}] ");
        defaults.put("logging.include-application-name", "false");
        // Kafka clients log their whole configuration at INFO each time one is created (the logger of AbstractConfig):
        // not by default; its warnings (unknown settings) still show
        defaults.put("logging.level.org.apache.kafka.common.config.AbstractConfig", "WARN");
        // errors never leak internals
        defaults.put("server.error.include-stacktrace", "never");
        defaults.put("server.error.include-message", "never");
        defaults.put("server.shutdown", "graceful");
        defaults.put("spring.threads.virtual.enabled", "true");
        // Kafka: the project's JSON wire format, dead letters for poison records, trace context in headers
        defaults.put("spring.kafka.bootstrap-servers", "localhost:9092");
        defaults.put("spring.kafka.producer.key-serializer", "org.apache.kafka.common.serialization.StringSerializer");
        defaults.put("spring.kafka.producer.value-serializer", "com.cvchat.events.json.EventSerializer");
        defaults.put("spring.kafka.producer.acks", "all");
        defaults.put("spring.kafka.producer.properties.linger.ms", "0");
        defaults.put("spring.kafka.producer.properties.enable.idempotence", "true");
        defaults.put("spring.kafka.consumer.key-deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        defaults.put("spring.kafka.consumer.value-deserializer",
                "org.springframework.kafka.support.serializer.ErrorHandlingDeserializer");
        defaults.put("spring.kafka.consumer.properties.spring.deserializer.value.delegate.class",
                "com.cvchat.events.json.EventDeserializer");
        defaults.put("spring.kafka.consumer.auto-offset-reset", "latest");
        // an idle consumer's fetch is held by the broker this long (Kafka's default): a record ends the wait at once, so
        // it costs no latency, and idle consumers fetch twice a second instead of ten times (the stack's idle CPU)
        defaults.put("spring.kafka.consumer.properties.fetch.max.wait.ms", "500");
        // crypto-shredding of conversation payloads: the master key wrapping users' data keys (a secret)
        defaults.put("platform.user-keys.master-key", "${USER_KEYS_MASTER_KEY:}");
        defaults.put("platform.user-keys.master-key-file", "${USER_KEYS_MASTER_KEY_FILE:}");
        // a crashed instance's partitions move to the others after 10 s (Kafka's default: 45 s)
        defaults.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
        defaults.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "3000");
        defaults.put("spring.kafka.template.observation-enabled", "true");
        defaults.put("spring.kafka.listener.observation-enabled", "true");
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults));
    }
}
