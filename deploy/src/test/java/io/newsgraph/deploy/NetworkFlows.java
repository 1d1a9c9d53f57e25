package io.newsgraph.deploy;

import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every connection the NetworkPolicies of a render allow, between its pods and the few parties around them (an
 * ingress controller, Prometheus, the cluster DNS, the internet), written as "from -> to:port/protocol".
 */
final class NetworkFlows {

    static final Set<String> EXPECTED = new TreeSet<>(List.of(
            "ingress-controller -> gateway:8080/TCP",
            "internet -> gateway:8080/TCP",
            "prometheus -> gateway:8080/TCP",
            "prometheus -> articles-service:8081/TCP",
            "prometheus -> entities-service:8082/TCP",
            "gateway -> articles-service:8081/TCP",
            "gateway -> entities-service:8082/TCP",
            "articles-service -> entities-service:8082/TCP",
            "articles-service -> articles-db:5432/TCP",
            "entities-service -> entities-db:5432/TCP",
            "gateway -> kube-dns:53/UDP", "gateway -> kube-dns:53/TCP",
            "articles-service -> kube-dns:53/UDP", "articles-service -> kube-dns:53/TCP",
            "entities-service -> kube-dns:53/UDP", "entities-service -> kube-dns:53/TCP",
            "articles-db -> kube-dns:53/UDP", "articles-db -> kube-dns:53/TCP",
            "entities-db -> kube-dns:53/UDP", "entities-db -> kube-dns:53/TCP"));

    private NetworkFlows() {
    }

    static Set<String> allowed(Rendered r, String namespace) {
        List<V1NetworkPolicy> policies = r.all(V1NetworkPolicy.class);
        Reachability reach = new Reachability(namespace, policies);

        List<Reachability.Endpoint> pods = new ArrayList<>();
        r.podTemplates().forEach((workload, t) -> pods.add(Reachability.podOf(workload, t, namespace)));

        Reachability.Endpoint ingressController = Reachability.Endpoint.pod("ingress-controller",
                Map.of("app.kubernetes.io/name", "ingress-nginx"), "ingress-nginx", Map.of(), List.of());
        Reachability.Endpoint prometheus = Reachability.Endpoint.pod("prometheus",
                Map.of("app.kubernetes.io/name", "prometheus"), "monitoring",
                Map.of("newsgraph.io/metrics-scraper", "true"), List.of());
        Reachability.Endpoint kubeDns = Reachability.Endpoint.pod("kube-dns", Map.of("k8s-app", "kube-dns"), "kube-system",
                Map.of(), List.of(port("dns", 53, "UDP"), port("dns-tcp", 53, "TCP")));
        Reachability.Endpoint internet = new Reachability.Endpoint("internet", Map.of(), Map.of(),
                List.of(port("https", 443, "TCP")), false);

        List<Reachability.Endpoint> sources = new ArrayList<>(pods);
        sources.addAll(List.of(ingressController, prometheus, internet));
        List<Reachability.Endpoint> destinations = new ArrayList<>(pods);
        destinations.addAll(List.of(kubeDns, internet));

        Set<String> flows = new TreeSet<>();
        for (Reachability.Endpoint from : sources) {
            for (Reachability.Endpoint to : destinations) {
                if (from == to || !(pods.contains(from) || pods.contains(to))) {
                    continue; // only what our policies govern
                }
                for (V1ContainerPort p : to.ports()) {
                    String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
                    if (reach.allowed(from, to, p.getContainerPort(), protocol)) {
                        flows.add(from.name() + " -> " + to.name() + ":" + p.getContainerPort() + "/" + protocol);
                    }
                }
            }
        }
        return flows;
    }

    private static V1ContainerPort port(String name, int number, String protocol) {
        return new V1ContainerPort().name(name).containerPort(number).protocol(protocol);
    }
}
