package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay renders into objects the API server would accept, and keeps every deployment rule. */
class OverlaysTest {

    /** Secrets created outside kustomize; docs/deploy.md says how. */
    private static final Set<String> EXTERNAL_SECRETS = Set.of("newsgraph-tls");

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyObjectIsValidAgainstTheKubernetesApiModel(String overlay) {
        Rendered r = Overlays.rendered(overlay);
        Set<String> kinds = new TreeSet<>();
        r.all().forEach(o -> kinds.add(o.getKind()));
        assertEquals(new TreeSet<>(List.of("ConfigMap", "Deployment", "Ingress", "Namespace", "NetworkPolicy",
                        "PodDisruptionBudget", "Secret", "Service", "ServiceAccount", "StatefulSet")),
                withoutHpa(kinds), "kinds rendered by " + overlay);
        assertEquals(3, r.all(V1Deployment.class).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everythingLivesInTheOverlaysNamespace(String overlay) {
        Rendered r = Overlays.rendered(overlay);
        String namespace = Overlays.NAMESPACES.get(overlay);
        V1Namespace ns = r.named(V1Namespace.class, namespace).orElseThrow();
        assertEquals("restricted", ns.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
        for (KubernetesObject o : r.all()) {
            if (!(o instanceof V1Namespace)) {
                assertEquals(namespace, o.getMetadata().getNamespace(), o.getKind() + " " + o.getMetadata().getName());
                assertEquals("newsgraph", o.getMetadata().getLabels().get("app.kubernetes.io/part-of"),
                        o.getKind() + " " + o.getMetadata().getName() + " lacks the part-of label");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheGatewayIsExposed(String overlay) {
        assertEquals(List.of(), ManifestRules.onlyGatewayExposed(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasProbes(String overlay) {
        assertEquals(List.of(), ManifestRules.probes(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerHasRequestsAndLimits(String overlay) {
        assertEquals(List.of(), ManifestRules.resources(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyContainerRunsRestricted(String overlay) {
        assertEquals(List.of(), ManifestRules.securityContexts(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretReferenceResolves(String overlay) {
        assertEquals(List.of(), ManifestRules.secretReferences(Overlays.rendered(overlay), EXTERNAL_SECRETS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everySecretIsDocumented(String overlay) throws IOException {
        String docs = Files.readString(Overlays.REPO_DIR.resolve("docs/deploy.md"));
        for (String secret : ManifestRules.referencedSecretBaseNames(Overlays.rendered(overlay))) {
            assertTrue(docs.contains("`" + secret + "`"), "docs/deploy.md does not document Secret " + secret);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void imagesAreConsistent(String overlay) {
        assertEquals(List.of(), ManifestRules.images(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesCoverEveryPod(String overlay) {
        assertEquals(List.of(), ManifestRules.networkPolicyCoverage(Overlays.rendered(overlay), Overlays.NAMESPACES.get(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void namesResolve(String overlay) {
        assertEquals(List.of(), ManifestRules.references(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void servicesAnnounceTheirMetrics(String overlay) {
        assertEquals(List.of(), ManifestRules.metricsAnnotations(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyConfiguredAddressIsAServiceOfTheDeployment(String overlay) {
        assertEquals(List.of(), ManifestRules.wiring(Overlays.rendered(overlay)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theGatewayReadsTheSupergraphFromItsConfigMap(String overlay) throws IOException {
        Rendered r = Overlays.rendered(overlay);
        assertEquals(List.of(), ManifestRules.gatewaySupergraph(r, "NEWSGRAPH_GATEWAY_SUPERGRAPH"));
        String shipped = Files.readString(Overlays.DEPLOY_DIR.resolve("base/gateway/supergraph.graphql"));
        V1ConfigMap cm = r.all(V1ConfigMap.class).stream()
                .filter(c -> c.getMetadata().getName().startsWith("gateway-supergraph-")).findFirst().orElseThrow();
        assertEquals(shipped, cm.getData().get("supergraph.graphql"));
    }

    /**
     * The data flow, and nothing more: the ingress controller reaches the gateway; the gateway both subgraphs;
     * articles-service (the outbox relay) entities-service; each service its own database; Prometheus the services.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void networkPoliciesAllowExactlyTheDataFlow(String overlay) {
        Rendered r = Overlays.rendered(overlay);
        String namespace = Overlays.NAMESPACES.get(overlay);
        assertEquals(NetworkFlows.EXPECTED, NetworkFlows.allowed(r, namespace));
    }

    @Test
    void devRunsOneOfEachWithoutAutoscaling() {
        Rendered r = Overlays.rendered("dev");
        r.all(V1Deployment.class).forEach(d -> assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName()));
        assertTrue(r.all(V2HorizontalPodAutoscaler.class).isEmpty());
    }

    @Test
    void prodRunsSeveralReplicasAndAutoscalesTheGateway() {
        Rendered r = Overlays.rendered("prod");
        // Several relay replicas are safe: the outbox rows are claimed with FOR UPDATE SKIP LOCKED.
        assertTrue(r.named(V1Deployment.class, "articles-service").orElseThrow().getSpec().getReplicas() > 1);
        assertTrue(r.named(V1Deployment.class, "entities-service").orElseThrow().getSpec().getReplicas() > 1);
        V2HorizontalPodAutoscaler hpa = r.named(V2HorizontalPodAutoscaler.class, "gateway").orElseThrow();
        assertTrue(hpa.getSpec().getMinReplicas() >= 2);
        assertFalse(r.all(V1NetworkPolicy.class).isEmpty());
    }

    @Test
    void entitiesServiceWaitsForItsModelBeforeLiveness() {
        var c = Overlays.rendered("prod").named(V1Deployment.class, "entities-service").orElseThrow()
                .getSpec().getTemplate().getSpec().getContainers().get(0);
        var startup = c.getStartupProbe();
        int seconds = startup.getPeriodSeconds() * startup.getFailureThreshold();
        assertTrue(seconds >= 120, "the NER model loads in about 30 s on two cores; allow far more: " + seconds + " s");
        Map<String, ?> limits = c.getResources().getLimits();
        assertTrue(limits.containsKey("memory"));
    }

    private static Set<String> withoutHpa(Set<String> kinds) {
        Set<String> copy = new TreeSet<>(kinds);
        copy.remove("HorizontalPodAutoscaler");
        return copy;
    }
}
