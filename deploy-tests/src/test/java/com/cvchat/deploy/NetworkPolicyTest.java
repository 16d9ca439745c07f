package com.cvchat.deploy;

import com.cvchat.deploy.NetworkPolicies.Endpoint;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies of each overlay allow exactly the traffic of DESIGN.md: the ingress controller reaches only the
 * gateway, the gateway the four services it routes to, every service Kafka, MongoDB and auth-service (JWKS; llm-worker
 * the internal key endpoint), voice-service chat-service, and only llm-worker and voice-service the internet (HTTPS,
 * never private ranges). Kafka's side is the policy Strimzi derives from the listener's networkPolicyPeers.
 */
class NetworkPolicyTest {

    private static final String KAFKA = "kafka";
    private static final String INGRESS = "ingress-controller";

    private final ManifestValidator validator = new ManifestValidator();

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldAllowExactlyTheConnectionsOfTheDesignBetweenPods(String overlay) {
        Setup setup = setup(overlay);
        Set<String> allowed = new TreeSet<>();
        for (Endpoint from : setup.clients()) {
            for (Map.Entry<Endpoint, Integer> to : setup.servers().entrySet()) {
                if (!from.name().equals(to.getKey().name()) && setup.policies().allows(from, to.getKey(), to.getValue())) {
                    allowed.add(from.name() + " -> " + to.getKey().name());
                }
            }
        }

        Set<String> expected = new TreeSet<>(List.of(
                INGRESS + " -> gateway-service",
                "gateway-service -> auth-service", "gateway-service -> chat-service",
                "gateway-service -> cv-builder-service", "gateway-service -> voice-service",
                "voice-service -> chat-service"));
        for (String service : List.of("auth-service", "chat-service", "cv-builder-service", "voice-service",
                "llm-worker", "gateway-service")) {
            expected.add(service + " -> " + KAFKA);
            expected.add(service + " -> mongodb");
            if (!service.equals("auth-service")) {
                expected.add(service + " -> auth-service");
            }
        }
        assertThat(allowed).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void shouldLetOnlyTheGoogleClientsOutToTheInternetAndNeverToPrivateAddresses(String overlay) {
        Setup setup = setup(overlay);
        Endpoint google = Endpoint.external("142.250.180.10");
        Endpoint privateAddress = Endpoint.external("10.12.0.7");
        Endpoint dns = Endpoint.pod("kube-dns", Map.of("k8s-app", "kube-dns"),
                Map.of("kubernetes.io/metadata.name", "kube-system"), Map.of());

        List<String> toInternet = setup.pods().stream().filter(p -> setup.policies().allows(p, google, 443))
                .map(Endpoint::name).sorted().toList();

        assertThat(toInternet).containsExactly("llm-worker", "voice-service");
        assertThat(setup.pods()).noneMatch(p -> setup.policies().allows(p, privateAddress, 443));
        assertThat(setup.pods()).noneMatch(p -> setup.policies().allows(p, google, 80));
        assertThat(setup.pods()).allMatch(p -> setup.policies().allows(p, dns, 53));
    }

    private Setup setup(String overlay) {
        var objects = Manifests.overlay(overlay);
        List<NetworkPolicy> policies = new ArrayList<>(Manifests.ofKind(objects, "NetworkPolicy").stream()
                .map(o -> validator.read(o, NetworkPolicy.class)).toList());
        String namespace = policies.getFirst().getMetadata().getNamespace();
        policies.addAll(strimziListenerPolicies(validator.read(Manifests.named(objects, "Kafka", "cvchat"), Kafka.class)));
        Map<String, String> namespaceLabels = Map.of("kubernetes.io/metadata.name", namespace);
        List<PodTemplateSpec> templates = Stream.concat(
                Manifests.ofKind(objects, "Deployment").stream()
                        .map(o -> validator.read(o, Deployment.class).getSpec().getTemplate()),
                Manifests.ofKind(objects, "StatefulSet").stream()
                        .map(o -> validator.read(o, StatefulSet.class).getSpec().getTemplate())).toList();

        List<Endpoint> pods = new ArrayList<>();
        Map<Endpoint, Integer> servers = new LinkedHashMap<>();
        for (PodTemplateSpec template : templates) {
            List<ContainerPort> ports = template.getSpec().getContainers().getFirst().getPorts();
            Endpoint pod = Endpoint.pod(template.getMetadata().getLabels().get("app.kubernetes.io/name"),
                    template.getMetadata().getLabels(), namespaceLabels,
                    ports.stream().collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort)));
            pods.add(pod);
            servers.put(pod, ports.getFirst().getContainerPort());
        }
        // Strimzi's broker pods and the ingress controller's pods
        servers.put(Endpoint.pod(KAFKA, Map.of("strimzi.io/cluster", "cvchat", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "cvchat-kafka"), namespaceLabels, Map.of()), 9092);
        List<Endpoint> clients = new ArrayList<>(pods);
        clients.add(Endpoint.pod(INGRESS, Map.of("app.kubernetes.io/name", "ingress-nginx"),
                Map.of("kubernetes.io/metadata.name", "ingress-nginx"), Map.of()));
        return new Setup(new NetworkPolicies(policies, namespaceLabels), pods, clients, servers);
    }

    /** What the Strimzi operator creates for the brokers: each listener's port open to its networkPolicyPeers. */
    private static List<NetworkPolicy> strimziListenerPolicies(Kafka kafka) {
        return kafka.getSpec().getKafka().getListeners().stream().map(listener -> new NetworkPolicyBuilder()
                .withNewMetadata().withName(kafka.getMetadata().getName() + "-" + listener.getName()).endMetadata()
                .withNewSpec()
                .withNewPodSelector().addToMatchLabels("strimzi.io/cluster", kafka.getMetadata().getName())
                .addToMatchLabels("strimzi.io/kind", "Kafka").endPodSelector()
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .withFrom(listener.getNetworkPolicyPeers())
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(listener.getPort())).endPort()
                .endIngress()
                .endSpec().build()).toList();
    }

    private record Setup(NetworkPolicies policies, List<Endpoint> pods, List<Endpoint> clients,
                         Map<Endpoint, Integer> servers) {
    }
}
