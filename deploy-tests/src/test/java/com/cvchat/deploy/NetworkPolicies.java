package com.cvchat.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * Answers "may A open a TCP connection to B on port P?" under a set of NetworkPolicies, with the semantics of the
 * Kubernetes API: a pod that no policy of a direction selects is open in that direction; otherwise the union of the
 * rules of the policies that select it decides. Only what the manifests use is modelled (TCP, pod and namespace
 * selectors, IP blocks, numbered and named ports).
 */
final class NetworkPolicies {

    /** An endpoint: a pod (labels, namespace labels, named ports) or an address outside the cluster. */
    record Endpoint(String name, Map<String, String> labels, Map<String, String> namespaceLabels,
                    Map<String, Integer> namedPorts, String address) {

        static Endpoint pod(String name, Map<String, String> labels, Map<String, String> namespaceLabels,
                            Map<String, Integer> namedPorts) {
            return new Endpoint(name, labels, namespaceLabels, namedPorts, null);
        }

        static Endpoint external(String address) {
            return new Endpoint(address, Map.of(), Map.of(), Map.of(), address);
        }

        boolean isPod() {
            return address == null;
        }
    }

    private final List<NetworkPolicy> policies;
    private final Map<String, String> namespaceLabels;

    /** The policies of one namespace, whose labels are {@code namespaceLabels}. */
    NetworkPolicies(List<NetworkPolicy> policies, Map<String, String> namespaceLabels) {
        this.policies = policies;
        this.namespaceLabels = namespaceLabels;
    }

    boolean allows(Endpoint from, Endpoint to, int port) {
        return egressAllowed(from, to, port) && ingressAllowed(to, from, port);
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, int port) {
        if (!inThisNamespace(from)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(from, "Egress");
        return selecting.isEmpty() || selecting.stream()
                .flatMap(p -> p.getSpec().getEgress() == null ? java.util.stream.Stream.empty() : p.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), to, port));
    }

    private boolean ingressAllowed(Endpoint to, Endpoint from, int port) {
        if (!inThisNamespace(to)) {
            return true;
        }
        List<NetworkPolicy> selecting = selecting(to, "Ingress");
        return selecting.isEmpty() || selecting.stream()
                .flatMap(p -> p.getSpec().getIngress() == null ? java.util.stream.Stream.empty() : p.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), to, port));
    }

    private boolean inThisNamespace(Endpoint endpoint) {
        return endpoint.isPod() && endpoint.namespaceLabels().equals(namespaceLabels);
    }

    private List<NetworkPolicy> selecting(Endpoint pod, String direction) {
        return policies.stream()
                .filter(p -> policyTypes(p).contains(direction))
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels()))
                .toList();
    }

    private static List<String> policyTypes(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress() != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other) {
        return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peerMatches(peer, other));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Endpoint other) {
        if (peer.getIpBlock() != null) {
            return !other.isPod() && inCidr(other.address(), peer.getIpBlock().getCidr())
                    && (peer.getIpBlock().getExcept() == null
                    || peer.getIpBlock().getExcept().stream().noneMatch(cidr -> inCidr(other.address(), cidr)));
        }
        if (!other.isPod()) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? other.namespaceLabels().equals(namespaceLabels)
                : matches(peer.getNamespaceSelector(), other.namespaceLabels());
        return namespaceOk && (peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels()));
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint to, int port) {
        return ports == null || ports.isEmpty() || ports.stream().anyMatch(p -> {
            String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            IntOrString value = p.getPort();
            if (!protocol.equals("TCP")) {
                return false;
            }
            if (value == null) {
                return true;
            }
            return value.getIntVal() != null ? value.getIntVal() == port
                    : Integer.valueOf(port).equals(to.namedPorts().get(value.getStrVal()));
        });
    }

    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        if (selector.getMatchLabels() != null && !selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(labels.get(e.getKey())))) {
            return false;
        }
        return selector.getMatchExpressions() == null
                || selector.getMatchExpressions().stream().allMatch(r -> matches(r, labels));
    }

    private static boolean matches(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        return switch (requirement.getOperator()) {
            case "In" -> value != null && requirement.getValues().contains(value);
            case "NotIn" -> value == null || !requirement.getValues().contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default -> throw new IllegalArgumentException("Unknown operator " + requirement.getOperator());
        };
    }

    private static boolean inCidr(String address, String cidr) {
        try {
            String[] parts = cidr.split("/");
            int bits = Integer.parseInt(parts[1]);
            BigInteger network = new BigInteger(1, InetAddress.getByName(parts[0]).getAddress());
            BigInteger host = new BigInteger(1, InetAddress.getByName(address).getAddress());
            int shift = 32 - bits;
            return network.shiftRight(shift).equals(host.shiftRight(shift));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
