package com.cvchat.deploy;

import com.cvchat.localstack.ServiceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml is valid for Debian's docker-compose ({@code docker-compose config -q}) and, once resolved, runs
 * Kafka in KRaft mode, a MongoDB replica set and every service of the local stack with the environment ./run-local
 * gives it, health checks, start-up order and memory limits. The example env files stand in for the real ones.
 */
class DockerComposeTest {

    @TempDir
    static Path envDir;

    private static JsonNode services;

    @BeforeAll
    static void resolveComposeFile() throws IOException {
        try (Stream<Path> examples = Files.list(Repository.root().resolve("deploy"))) {
            for (Path example : examples.filter(p -> p.toString().endsWith(".env.example")).toList()) {
                Files.copy(example, envDir.resolve(example.getFileName().toString().replace(".env.example", ".env")));
            }
        }
        Tools.Result quiet = compose("config", "-q");
        assertThat(quiet.exitCode()).as("docker-compose config -q: %s", quiet.stderr()).isZero();
        Tools.Result resolved = compose("config");
        assertThat(resolved.exitCode()).as(resolved.stderr()).isZero();
        services = Manifests.parse(resolved.stdout()).getFirst().path("services");
    }

    @Test
    void shouldRunKafkaInKraftModeAndMongoDbAsReplicaSetFromPinnedImages() {
        JsonNode kafka = services.path("kafka");
        JsonNode mongodb = services.path("mongodb");

        assertThat(kafka.path("image").asText()).matches("apache/kafka:\\d+\\.\\d+\\.\\d+");
        assertThat(kafka.path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(mongodb.path("image").asText()).matches("mongo:\\d+\\.\\d+\\.\\d+");
        assertThat(texts(mongodb.path("command"))).containsSubsequence("--replSet", "rs0");
        assertThat(mongodb.path("healthcheck").path("test").toString()).contains("rs.initiate");
    }

    @Test
    void shouldStartEveryServiceWithTheEnvironmentOfTheLocalStack() {
        assertThat(fieldNames(services)).containsExactlyInAnyOrderElementsOf(Stream.concat(
                Stream.of(ServiceSpec.values()).map(ServiceSpec::module), Stream.of("kafka", "mongodb")).toList());
        for (ServiceSpec spec : ServiceSpec.values()) {
            JsonNode env = services.path(spec.module()).path("environment");
            Map<String, String> expected = new HashMap<>();
            expected.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");
            expected.put("PLATFORM_SECURITY_JWK_SET_URI", "http://auth-service:8081/.well-known/jwks.json");
            for (ServiceSpec other : ServiceSpec.values()) {
                expected.put(other.urlVariable(), "http://" + other.module() + ":" + other.defaultPort());
            }
            expected.forEach((name, value) -> assertThat(env.path(name).asText()).as("%s of %s", name, spec.module())
                    .isEqualTo(value));
            assertThat(fieldNames(env)).as(spec.module()).contains("CVCHAT_DATA_DIR", "INTERNAL_API_TOKEN");
            if (spec.database() != null) {
                assertThat(env.path("SPRING_MONGODB_URI").asText())
                        .isEqualTo("mongodb://mongodb:27017/" + spec.database() + "?replicaSet=rs0");
            } else {
                assertThat(env.has("SPRING_MONGODB_URI")).as(spec.module()).isFalse();
            }
        }
    }

    @Test
    void shouldGiveAuthServiceItsSigningKeysAsReadOnlyFiles() {
        JsonNode auth = services.path(ServiceSpec.AUTH.module());
        String keyDir = auth.path("environment").path("AUTH_KEY_DIR").asText();

        assertThat(auth.path("environment").path("AUTH_GENERATE_KEYS").asText()).isEqualTo("false");
        assertThat(keyDir).isNotEmpty();
        assertThat(texts(auth.path("volumes"))).singleElement().asString()
                .startsWith(envDir.resolve("jwt-keys").toString()).endsWith(":" + keyDir + ":ro");
    }

    @Test
    void shouldCheckHealthLimitMemoryAndStartInOrder() {
        for (String name : fieldNames(services)) {
            JsonNode service = services.path(name);
            assertThat(service.path("healthcheck").path("test").isArray()).as("healthcheck of %s", name).isTrue();
            assertThat(service.path("mem_limit").asText()).as("mem_limit of %s", name).matches("\\d+[mg]");
            assertThat(service.path("image").asText()).as(name).doesNotEndWith(":latest").contains(":");
        }
        for (ServiceSpec spec : ServiceSpec.values()) {
            JsonNode service = services.path(spec.module());
            assertThat(service.path("healthcheck").path("test").toString())
                    .contains("/dev/tcp/localhost/" + spec.defaultPort(), "GET /readyz ");
            assertThat(service.path("read_only").asBoolean()).as(spec.module()).isTrue();
            List<String> dependencies = new ArrayList<>(List.of("kafka", "mongodb"));
            if (spec == ServiceSpec.GATEWAY) {
                Stream.of(ServiceSpec.values()).filter(s -> s != ServiceSpec.GATEWAY && s != ServiceSpec.LLM_WORKER)
                        .forEach(s -> dependencies.add(s.module()));
            }
            JsonNode dependsOn = service.path("depends_on");
            assertThat(fieldNames(dependsOn)).as(spec.module()).containsExactlyInAnyOrderElementsOf(dependencies);
            dependencies.forEach(d -> assertThat(dependsOn.path(d).path("condition").asText()).isEqualTo("service_healthy"));
        }
        JsonNode gatewayPorts = services.path("gateway-service").path("ports");
        assertThat(gatewayPorts).singleElement().satisfies(port -> {
            assertThat(port.path("published").asInt()).isEqualTo(3000);
            assertThat(port.path("target").asInt()).isEqualTo(3000);
        });
    }

    @Test
    void shouldLogJsonFromEveryServiceAndExportNoTracesUnlessConfigured() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            JsonNode env = services.path(spec.module()).path("environment");
            assertThat(env.path("LOGGING_STRUCTURED_FORMAT_CONSOLE").asText()).as(spec.module()).isEqualTo("ecs");
            assertThat(env.has("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT")).as(spec.module()).isFalse();
        }
    }

    @Test
    void shouldKeepActuatorOnAManagementPortThatNothingPublishes() {
        for (ServiceSpec spec : ServiceSpec.values()) {
            JsonNode service = services.path(spec.module());
            assertThat(service.path("environment").path("MANAGEMENT_PORT").asText()).as(spec.module()).isEqualTo("9090");
            for (JsonNode port : service.path("ports")) {
                assertThat(port.path("target").asInt()).as("%s publishes only its API port", spec.module())
                        .isEqualTo(spec.defaultPort());
            }
        }
    }

    @Test
    void shouldKeepSecretsOutOfTheRepositoryButNameEverySecretTheManifestsReference() throws IOException {
        Map<String, String> examples = new HashMap<>();
        try (Stream<Path> files = Files.list(Repository.root().resolve("deploy"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".env.example")).toList()) {
                Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                        .forEach(l -> examples.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1)));
            }
        }
        List<String> referencedByKubernetes = Manifests.ofKind(Manifests.overlay("prod"), "Deployment").stream()
                .flatMap(d -> stream(d.at("/spec/template/spec/containers/0/env")))
                .filter(e -> e.has("valueFrom"))
                .map(e -> e.path("name").asText()).distinct().toList();

        assertThat(examples.values()).as("example env files carry no values").allMatch(String::isEmpty);
        assertThat(examples.keySet()).containsAll(referencedByKubernetes);
        assertThat(Files.readString(Repository.root().resolve(".gitignore"))).contains("deploy/*.env");
    }

    private static Tools.Result compose(String... arguments) {
        List<String> command = new ArrayList<>(List.of(Tools.dockerCompose().toString(), "-f",
                Repository.root().resolve("docker-compose.yml").toString()));
        command.addAll(List.of(arguments));
        return Tools.run(command, Map.of("CVCHAT_ENV_DIR", envDir.toString()));
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> texts(JsonNode array) {
        return stream(array).map(JsonNode::asText).toList();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
