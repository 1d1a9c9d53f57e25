package io.newsgraph.deploy;

import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1NetworkPolicyEgressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyIngressRule;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPeer;
import io.kubernetes.client.openapi.models.V1NetworkPolicyPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicySpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates NetworkPolicy semantics for the pods of one namespace: whether a connection from one endpoint to a port
 * of another is allowed by both the source's egress and the destination's ingress policies. Peers given as
 * {@code ipBlock} are taken to match every endpoint outside the cluster (the safe reading for "must not reach"
 * checks).
 */
final class Reachability {

    /** Something that opens or accepts connections: a pod (in some namespace) or an address outside the cluster. */
    record Endpoint(String name, Map<String, String> podLabels, Map<String, String> namespaceLabels,
                    List<V1ContainerPort> ports, boolean inCluster) {

        static Endpoint pod(String name, Map<String, String> podLabels, String namespace,
                            Map<String, String> extraNamespaceLabels, List<V1ContainerPort> ports) {
            Map<String, String> ns = new java.util.HashMap<>(extraNamespaceLabels);
            // The API server labels every namespace with its own name.
            ns.put("kubernetes.io/metadata.name", namespace);
            return new Endpoint(name, podLabels, Map.copyOf(ns), ports, true);
        }

        static Endpoint outside(String name) {
            return new Endpoint(name, Map.of(), Map.of(), List.of(), false);
        }

        String namespace() {
            return namespaceLabels.get("kubernetes.io/metadata.name");
        }
    }

    private final String namespace;
    private final List<V1NetworkPolicy> policies;

    Reachability(String namespace, List<V1NetworkPolicy> policies) {
        this.namespace = namespace;
        this.policies = List.copyOf(policies);
    }

    /** The pods of the rendered workloads, as endpoints in the namespace under test. */
    static Endpoint podOf(String workload, V1PodTemplateSpec template, String namespace) {
        List<V1ContainerPort> ports = new ArrayList<>();
        template.getSpec().getContainers().forEach(c -> {
            if (c.getPorts() != null) {
                ports.addAll(c.getPorts());
            }
        });
        return Endpoint.pod(workload, template.getMetadata().getLabels(), namespace, Map.of(), ports);
    }

    boolean allowed(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllowed(from, to, port, protocol) && ingressAllowed(from, to, port, protocol);
    }

    boolean isolatedForIngress(Endpoint pod) {
        return selecting(pod).stream().anyMatch(p -> types(p.getSpec()).contains("Ingress"));
    }

    boolean isolatedForEgress(Endpoint pod) {
        return selecting(pod).stream().anyMatch(p -> types(p.getSpec()).contains("Egress"));
    }

    private boolean ingressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!isOurs(to) || !isolatedForIngress(to)) {
            return true;
        }
        for (V1NetworkPolicy policy : selecting(to)) {
            if (!types(policy.getSpec()).contains("Ingress") || policy.getSpec().getIngress() == null) {
                continue;
            }
            for (V1NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                if (peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!isOurs(from) || !isolatedForEgress(from)) {
            return true;
        }
        for (V1NetworkPolicy policy : selecting(from)) {
            if (!types(policy.getSpec()).contains("Egress") || policy.getSpec().getEgress() == null) {
                continue;
            }
            for (V1NetworkPolicyEgressRule rule : policy.getSpec().getEgress()) {
                if (peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), to, port, protocol)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean isOurs(Endpoint endpoint) {
        return endpoint.inCluster() && namespace.equals(endpoint.namespace());
    }

    private List<V1NetworkPolicy> selecting(Endpoint pod) {
        if (!isOurs(pod)) {
            return List.of();
        }
        return policies.stream().filter(p -> Selectors.matches(p.getSpec().getPodSelector(), pod.podLabels())).toList();
    }

    /** policyTypes as the API server defaults them: Ingress always, Egress when egress rules are given. */
    private static List<String> types(V1NetworkPolicySpec spec) {
        if (spec.getPolicyTypes() != null && !spec.getPolicyTypes().isEmpty()) {
            return spec.getPolicyTypes();
        }
        return spec.getEgress() != null ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private boolean peersMatch(List<V1NetworkPolicyPeer> peers, Endpoint endpoint) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, endpoint));
    }

    private boolean peerMatches(V1NetworkPolicyPeer peer, Endpoint endpoint) {
        if (peer.getIpBlock() != null) {
            return !endpoint.inCluster();
        }
        if (!endpoint.inCluster()) {
            return false;
        }
        boolean namespaceOk = peer.getNamespaceSelector() == null
                ? namespace.equals(endpoint.namespace())
                : Selectors.matches(peer.getNamespaceSelector(), endpoint.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || Selectors.matches(peer.getPodSelector(), endpoint.podLabels());
        return namespaceOk && podOk;
    }

    private static boolean portsMatch(List<V1NetworkPolicyPort> ports, Endpoint to, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (V1NetworkPolicyPort p : ports) {
            String ruleProtocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
            if (!ruleProtocol.equals(protocol)) {
                continue;
            }
            IntOrString rulePort = p.getPort();
            if (rulePort == null) {
                return true;
            }
            if (rulePort.isInteger()) {
                int first = rulePort.getIntValue();
                int last = p.getEndPort() == null ? first : p.getEndPort();
                if (port >= first && port <= last) {
                    return true;
                }
            } else if (to.ports().stream().anyMatch(cp -> rulePort.getStrValue().equals(cp.getName())
                    && cp.getContainerPort() == port
                    && Objects.equals(cp.getProtocol() == null ? "TCP" : cp.getProtocol(), protocol))) {
                return true;
            }
        }
        return false;
    }
}
