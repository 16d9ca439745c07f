package com.cvchat.deploy;

import com.cvchat.events.Topic;
import com.cvchat.events.Topics;
import com.cvchat.localstack.ServiceSpec;
import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every overlay must keep true: hardened pods with probes and limits, one Deployment + Service + ServiceAccount +
 * PodDisruptionBudget per service of the local stack, secrets only as references, the topics of shared-events, and an
 * llm-worker that never scales beyond the partitions of llm.requests.
 */
class KubernetesInvariantsTest {

    private static final int MANAGEMENT_PORT = 9090;
    private static final Pattern SECRET_NAME = Pattern.compile(".*(_KEY|TOKEN|SECRET|PASSWORD)");

    private final ManifestValidator validator = new ManifestValidator();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldRunEveryWorkloadHardenedWithProbesAndLimits(String overlay) {
        List<PodTemplateSpec> pods = Stream.concat(
                all(overlay, "Deployment", Deployment.class).stream().map(d -> d.getSpec().getTemplate()),
                all(overlay, "StatefulSet", StatefulSet.class).stream().map(s -> s.getSpec().getTemplate())).toList();

        assertThat(pods).hasSize(ServiceSpec.values().length + 1);
        for (PodTemplateSpec pod : pods) {
            PodSpec spec = pod.getSpec();
            String name = pod.getMetadata().getLabels().get("app.kubernetes.io/name");
            assertThat(spec.getSecurityContext().getRunAsNonRoot()).as("%s runAsNonRoot", name).isTrue();
            assertThat(spec.getSecurityContext().getRunAsUser()).as("%s runAsUser", name).isPositive();
            assertThat(spec.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(spec.getAutomountServiceAccountToken()).as("%s token automount", name).isFalse();
            for (Container container : spec.getContainers()) {
                assertThat(container.getLivenessProbe()).as("%s liveness", name).isNotNull();
                assertThat(container.getReadinessProbe()).as("%s readiness", name).isNotNull();
                assertThat(container.getResources().getRequests()).as("%s requests", name).containsKeys("cpu", "memory");
                assertThat(container.getResources().getLimits()).as("%s limits", name).containsKeys("cpu", "memory");
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).as("%s read-only FS", name).isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).as(name).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).as(name).containsExactly("ALL");
                assertThat(container.getImage()).as("%s image pinned", name).matches("[^:@]+(:[\\w][\\w.-]*|@sha256:[0-9a-f]{64})")
                        .doesNotEndWith(":latest");
                String tmpVolume = container.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                        .map(m -> m.getName()).findFirst().orElseThrow(() -> new AssertionError(name + " has no /tmp"));
                assertThat(spec.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).map(Volume::getEmptyDir))
                        .as("%s /tmp is an emptyDir", name).singleElement().isNotNull();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldGiveEveryServiceItsDeploymentServiceAccountAndDisruptionBudget(String overlay) {
        List<PodDisruptionBudget> budgets = all(overlay, "PodDisruptionBudget", PodDisruptionBudget.class);
        for (ServiceSpec service : ServiceSpec.values()) {
            Deployment deployment = one(overlay, "Deployment", service.module(), Deployment.class);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Container container = pod.getContainers().getFirst();
            Service k8sService = one(overlay, "Service", service.module(), Service.class);
            one(overlay, "ServiceAccount", service.module(), io.fabric8.kubernetes.api.model.ServiceAccount.class);

            assertThat(pod.getServiceAccountName()).isEqualTo(service.module());
            assertThat(container.getPorts()).extracting(p -> p.getName() + ":" + p.getContainerPort())
                    .containsExactlyInAnyOrder("http:" + service.defaultPort(), "management:" + MANAGEMENT_PORT);
            assertThat(k8sService.getSpec().getPorts()).singleElement()
                    .satisfies(p -> assertThat(p.getPort()).isEqualTo(service.defaultPort()));
            assertThat(k8sService.getSpec().getSelector()).isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
            assertThat(container.getReadinessProbe().getHttpGet().getPort().getStrVal()).as("probes on the API port")
                    .isEqualTo("http");
            assertThat(budgets).as("PodDisruptionBudget of %s", service.module())
                    .anyMatch(b -> b.getSpec().getSelector().getMatchLabels()
                            .equals(deployment.getSpec().getSelector().getMatchLabels()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldGiveServicesTheEnvironmentOfTheLocalStackWithSecretsOnlyAsReferences(String overlay) {
        Map<String, String> config = one(overlay, "ConfigMap", null, ConfigMap.class).getData();

        assertThat(config).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "PLATFORM_SECURITY_JWK_SET_URI", "CVCHAT_DATA_DIR");
        for (ServiceSpec service : ServiceSpec.values()) {
            assertThat(config).containsEntry(service.urlVariable(),
                    "http://" + service.module() + ":" + service.defaultPort());
        }
        assertThat(config.keySet()).noneMatch(key -> SECRET_NAME.matcher(key).matches());
        assertThat(Manifests.ofKind(Manifests.overlay(overlay), "Secret")).as("Secrets are created out of band").isEmpty();

        for (ServiceSpec service : ServiceSpec.values()) {
            Container container = one(overlay, "Deployment", service.module(), Deployment.class)
                    .getSpec().getTemplate().getSpec().getContainers().getFirst();
            List<EnvVar> env = container.getEnv();
            assertThat(container.getEnvFrom()).singleElement()
                    .satisfies(from -> assertThat(from.getConfigMapRef().getName()).startsWith("cvchat-config"));
            assertThat(env).filteredOn(e -> SECRET_NAME.matcher(e.getName()).matches())
                    .allSatisfy(e -> {
                        assertThat(e.getValue()).as("%s of %s is a reference", e.getName(), service.module()).isNull();
                        assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("cvchat-secrets");
                    });
            // the user-keys master key (crypto-shredding) only where payloads are sealed, opened or erased
            assertThat(env).filteredOn(e -> e.getName().equals("USER_KEYS_MASTER_KEY"))
                    .as("USER_KEYS_MASTER_KEY of %s", service.module()).hasSize(service.database() != null ? 1 : 0);
            if (service.database() != null) {
                assertThat(env).filteredOn(e -> e.getName().equals("SPRING_MONGODB_URI")).singleElement()
                        .satisfies(e -> assertThat(e.getValue()).contains(":27017/" + service.database() + "?"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldReadTheTokenSigningKeysFromAMountedSecretAndNeverGenerateThem(String overlay) {
        PodSpec pod = one(overlay, "Deployment", ServiceSpec.AUTH.module(), Deployment.class)
                .getSpec().getTemplate().getSpec();
        Container auth = pod.getContainers().getFirst();
        Map<String, String> env = auth.getEnv().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(EnvVar::getName, EnvVar::getValue));

        assertThat(env).containsEntry("AUTH_GENERATE_KEYS", "false");
        assertThat(auth.getVolumeMounts()).filteredOn(m -> m.getMountPath().equals(env.get("AUTH_KEY_DIR")))
                .singleElement().satisfies(mount -> {
                    assertThat(mount.getReadOnly()).isTrue();
                    assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(mount.getName())).singleElement()
                            .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("cvchat-jwt-keys"));
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldNeverScaleLlmWorkerBeyondThePartitionsOfLlmRequests(String overlay) {
        int partitions = topics(overlay).stream()
                .filter(t -> t.getSpec().getTopicName().equals(Topics.LLM_REQUESTS.name()))
                .findFirst().orElseThrow().getSpec().getPartitions();
        List<JsonNode> scaledObjects = Manifests.ofKind(Manifests.overlay(overlay), "ScaledObject");
        List<HorizontalPodAutoscaler> cpuAutoscalers = all(overlay, "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);

        assertThat(scaledObjects.size() + cpuAutoscalers.size()).as("exactly one autoscaler for llm-worker").isEqualTo(1);
        for (JsonNode scaledObject : scaledObjects) {
            JsonNode spec = scaledObject.path("spec");
            JsonNode kafka = spec.path("triggers").get(0).path("metadata");
            assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo("llm-worker");
            assertThat(spec.path("maxReplicaCount").asInt()).isBetween(spec.path("minReplicaCount").asInt(), partitions);
            assertThat(kafka.path("topic").asText()).isEqualTo(Topics.LLM_REQUESTS.name());
            assertThat(kafka.path("consumerGroup").asText()).isEqualTo("llm-worker");
            assertThat(Integer.parseInt(kafka.path("lagThreshold").asText())).isPositive();
        }
        for (HorizontalPodAutoscaler hpa : cpuAutoscalers) {
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("llm-worker");
            assertThat(hpa.getSpec().getMaxReplicas()).isBetween(hpa.getSpec().getMinReplicas(), partitions);
        }
        Deployment worker = one(overlay, "Deployment", "llm-worker", Deployment.class);
        assertThat(worker.getSpec().getReplicas()).as("the autoscaler owns the replica count").isNull();
        assertThat(worker.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds()).isGreaterThanOrEqualTo(60L);
        assertThat(worker.getSpec().getTemplate().getSpec().getContainers().getFirst().getLifecycle().getPreStop())
                .isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldDeclareExactlyTheTopicsOfSharedEvents(String overlay) {
        List<KafkaTopic> topics = topics(overlay);

        assertThat(topics).extracting(t -> t.getSpec().getTopicName()).containsExactlyInAnyOrderElementsOf(
                Stream.concat(Topics.all().stream().map(Topic::name), Stream.of(Topics.USER_KEYS)).toList());
        KafkaTopic userKeys = topics.stream().filter(t -> t.getSpec().getTopicName().equals(Topics.USER_KEYS))
                .findFirst().orElseThrow();
        assertThat(userKeys.getSpec().getPartitions()).isEqualTo(Topics.USER_KEYS_PARTITIONS);
        Topics.USER_KEYS_CONFIG.forEach((key, value) -> assertThat(String.valueOf(userKeys.getSpec().getConfig().get(key)))
                .as(Topics.USER_KEYS + " " + key).isEqualTo(value));
        for (Topic<?> topic : Topics.all()) {
            KafkaTopic declared = topics.stream().filter(t -> t.getSpec().getTopicName().equals(topic.name()))
                    .findFirst().orElseThrow();
            assertThat(declared.getSpec().getPartitions()).as(topic.name()).isEqualTo(topic.defaultPartitions());
            topic.config().forEach((key, value) ->
                    assertThat(String.valueOf(declared.getSpec().getConfig().get(key))).as(topic.name() + " " + key)
                            .isEqualTo(value));
        }
        assertThat(topics.stream().filter(t -> t.getSpec().getTopicName().equals("conversation.events")).findFirst()
                .orElseThrow().getSpec().getConfig()).as("the audit log is kept forever").containsEntry("retention.ms", "-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldExposeOnlyTheGatewayWithTimeoutsForStreamsAndDenyOtherTraffic(String overlay) {
        Ingress ingress = one(overlay, "Ingress", "gateway", Ingress.class);
        List<NetworkPolicy> policies = all(overlay, "NetworkPolicy", NetworkPolicy.class);

        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule ->
                assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path ->
                        assertThat(path.getBackend().getService().getName()).isEqualTo("gateway-service")));
        assertThat(Integer.parseInt(ingress.getMetadata().getAnnotations()
                .get("nginx.ingress.kubernetes.io/proxy-read-timeout"))).isGreaterThanOrEqualTo(3600);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getMetadata().getName()).isEqualTo("default-deny");
            assertThat(p.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
            assertThat(p.getSpec().getEgress()).isNullOrEmpty();
        });
        for (ServiceSpec service : ServiceSpec.values()) {
            assertThat(policies).as("an ingress policy for %s", service.module()).anyMatch(p ->
                    Objects.equals(p.getSpec().getPodSelector().getMatchLabels(),
                            Map.of("app.kubernetes.io/name", service.module()))
                            && p.getSpec().getPolicyTypes().contains("Ingress"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLogJsonAndSampleTracesForTheOverlay(String overlay) {
        Map<String, String> config = one(overlay, "ConfigMap", null, ConfigMap.class).getData();

        assertThat(config).containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs");
        assertThat(config).as("an empty endpoint would switch the exporter on with nowhere to send")
                .doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
        for (ServiceSpec service : ServiceSpec.values()) {
            assertThat(one(overlay, "Deployment", service.module(), Deployment.class).getSpec().getTemplate()
                    .getSpec().getContainers().getFirst().getEnv())
                    .as("%s takes logging and tracing from the ConfigMap", service.module())
                    .noneMatch(e -> e.getName().startsWith("LOGGING_") || e.getName().startsWith("MANAGEMENT_TRACING_"));
        }
        if (overlay.equals("prod")) {
            assertThat(config).containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1");
        } else {
            assertThat(config).as("every trace in dev (the platform default)")
                    .doesNotContainKey("MANAGEMENT_TRACING_SAMPLING_PROBABILITY");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldKeepTheManagementPortOffEveryPublicRoute(String overlay) throws Exception {
        assertThat(one(overlay, "ConfigMap", null, ConfigMap.class).getData())
                .containsEntry("MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
        for (Service service : all(overlay, "Service", Service.class)) {
            assertThat(service.getSpec().getPorts()).as("Service %s", service.getMetadata().getName())
                    .allSatisfy(port -> {
                        assertThat(port.getPort()).isNotEqualTo(MANAGEMENT_PORT);
                        assertThat(String.valueOf(port.getTargetPort().getValue()))
                                .isNotIn(String.valueOf(MANAGEMENT_PORT), "management");
                    });
        }
        Ingress ingress = one(overlay, "Ingress", "gateway", Ingress.class);
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp().getPaths())
                .allSatisfy(path -> assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http")));
        for (Deployment deployment : all(overlay, "Deployment", Deployment.class)) {
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).as("Prometheus scrapes %s on the management port", deployment.getMetadata().getName())
                    .containsEntry("prometheus.io/port", String.valueOf(MANAGEMENT_PORT));
        }
        NetworkPolicy fromIngress = one(overlay, "NetworkPolicy", "gateway-service", NetworkPolicy.class);
        assertThat(fromIngress.getSpec().getIngress()).flatExtracting(rule -> rule.getPorts())
                .allSatisfy(port -> assertThat(port.getPort().getIntVal()).isEqualTo(ServiceSpec.GATEWAY.defaultPort()));
        String gatewayRoutes = java.nio.file.Files.readString(Repository.root()
                .resolve("gateway-service/src/main/resources/application.yml"));
        assertThat(gatewayRoutes).as("no gateway route matches /actuator or everything")
                .doesNotContainPattern("Path=([^\\n]*,)?(/actuator[^,\\n]*|/\\*\\*)(,|\\n|$)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldPointEverySelectorAtPodsThatExist(String overlay) {
        List<Map<String, String>> podLabels = Stream.concat(
                all(overlay, "Deployment", Deployment.class).stream().map(d -> {
                    assertThat(NetworkPolicies.matches(d.getSpec().getSelector(), d.getSpec().getTemplate().getMetadata()
                            .getLabels())).as("selector of Deployment %s", d.getMetadata().getName()).isTrue();
                    return d.getSpec().getTemplate().getMetadata().getLabels();
                }),
                all(overlay, "StatefulSet", StatefulSet.class).stream().map(s -> {
                    assertThat(NetworkPolicies.matches(s.getSpec().getSelector(), s.getSpec().getTemplate().getMetadata()
                            .getLabels())).as("selector of StatefulSet %s", s.getMetadata().getName()).isTrue();
                    return s.getSpec().getTemplate().getMetadata().getLabels();
                })).toList();

        for (Service service : all(overlay, "Service", Service.class)) {
            assertThat(podLabels).as("pods of Service %s", service.getMetadata().getName())
                    .anyMatch(labels -> labels.entrySet().containsAll(service.getSpec().getSelector().entrySet()));
        }
        for (PodDisruptionBudget budget : all(overlay, "PodDisruptionBudget", PodDisruptionBudget.class)) {
            assertThat(podLabels).as("pods of PodDisruptionBudget %s", budget.getMetadata().getName())
                    .anyMatch(labels -> NetworkPolicies.matches(budget.getSpec().getSelector(), labels));
        }
        for (NetworkPolicy policy : all(overlay, "NetworkPolicy", NetworkPolicy.class)) {
            assertThat(podLabels).as("pods of NetworkPolicy %s", policy.getMetadata().getName())
                    .anyMatch(labels -> NetworkPolicies.matches(policy.getSpec().getPodSelector(), labels));
        }
    }

    private List<KafkaTopic> topics(String overlay) {
        return all(overlay, "KafkaTopic", KafkaTopic.class);
    }

    private <T> List<T> all(String overlay, String kind, Class<T> model) {
        return Manifests.ofKind(Manifests.overlay(overlay), kind).stream().map(o -> validator.read(o, model)).toList();
    }

    /** The one object of that kind and name (any name when null). */
    private <T> T one(String overlay, String kind, String name, Class<T> model) {
        List<JsonNode> matching = Manifests.ofKind(Manifests.overlay(overlay), kind).stream()
                .filter(o -> name == null || name.equals(o.path("metadata").path("name").asText())).toList();
        assertThat(matching).as("%s %s in %s", kind, name, overlay).hasSize(1);
        return validator.read(matching.getFirst(), model);
    }
}
