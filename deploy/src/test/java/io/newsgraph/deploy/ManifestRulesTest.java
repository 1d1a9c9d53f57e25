package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules catch broken manifests: each test breaks the real dev render (or writes a small broken manifest) and
 * expects the matching violation.
 */
class ManifestRulesTest {

    /** A workload that breaks nearly every rule: no probes, no limits, root, writable root filesystem. */
    private static final String CARELESS_DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: careless
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: careless
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: careless
                spec:
                  containers:
                  - name: careless
                    image: careless
                    ports:
                    - name: http
                      containerPort: 8080
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: careless
            spec:
              type: LoadBalancer
              selector:
                app.kubernetes.io/name: careless
              ports:
              - port: 80
                targetPort: web
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: careless
            spec:
              rules:
              - http:
                  paths:
                  - path: /
                    pathType: Prefix
                    backend:
                      service:
                        name: careless
                        port:
                          number: 80
            """;

    private static Rendered devBrokenBy(String from, String to) {
        String yaml = Overlays.yaml("dev");
        assertTrue(yaml.contains(from), "the dev render no longer contains " + from);
        return Rendered.fromYaml(yaml.replace(from, to));
    }

    @Test
    void aCarelessDeploymentBreaksEveryRule() {
        Rendered r = Rendered.fromYaml(CARELESS_DEPLOYMENT);
        assertTrue(ManifestRules.onlyGatewayExposed(r).containsAll(List.of(
                "Service careless is of type LoadBalancer; only the Ingress to the gateway may expose anything",
                "Ingress careless routes to Service careless; only the gateway is public")), ManifestRules.onlyGatewayExposed(r).toString());
        assertEquals(List.of("careless/careless has no startupProbe", "careless/careless has no readinessProbe",
                "careless/careless has no livenessProbe"), ManifestRules.probes(r));
        assertEquals(4, ManifestRules.resources(r).size(), ManifestRules.resources(r).toString());
        assertTrue(ManifestRules.securityContexts(r).containsAll(List.of(
                "careless/careless may run as root (runAsNonRoot)",
                "careless/careless has a writable root filesystem",
                "careless/careless does not drop ALL capabilities")), ManifestRules.securityContexts(r).toString());
        assertEquals(List.of("careless/careless image careless has no fixed tag"), ManifestRules.images(r));
        assertEquals(List.of("careless accepts any connection: no NetworkPolicy isolates its ingress",
                "careless may connect anywhere: no NetworkPolicy isolates its egress",
                "careless has no NetworkPolicy of its own"), ManifestRules.networkPolicyCoverage(r, "newsgraph"));
        assertTrue(ManifestRules.references(r).contains("Service careless targets port web, which careless does not declare"),
                ManifestRules.references(r).toString());
    }

    @Test
    void aWritableRootFilesystemIsCaught() {
        Rendered r = devBrokenBy("readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false");
        assertEquals(5, ManifestRules.securityContexts(r).stream().filter(v -> v.endsWith("has a writable root filesystem")).count());
    }

    @Test
    void aNodePortIsCaught() {
        Rendered r = devBrokenBy("  type: ClusterIP", "  type: NodePort");
        assertNotEquals(List.of(), ManifestRules.onlyGatewayExposed(r));
    }

    @Test
    void anUnknownSecretKeyIsCaught() {
        Rendered r = devBrokenBy("key: private-key", "key: privatekey");
        List<String> v = ManifestRules.secretReferences(r, Set.of());
        assertTrue(v.stream().anyMatch(s -> s.contains("reads key privatekey of Secret relay-signing-key-")), v.toString());
    }

    @Test
    void anUndocumentedExternalSecretIsCaught() {
        String env = String.join("\n",
                "        env:",
                "        - name: PASSWORD",
                "          valueFrom:",
                "            secretKeyRef:",
                "              name: nowhere",
                "              key: password",
                "        ports:");
        assertTrue(CARELESS_DEPLOYMENT.contains("\n        ports:"));
        Rendered r = Rendered.fromYaml(CARELESS_DEPLOYMENT.replace("        ports:", env));
        assertEquals(List.of("careless/careless env PASSWORD reads Secret nowhere, which the overlay neither defines nor documents"),
                ManifestRules.secretReferences(r, Set.of()));
        assertEquals(List.of(), ManifestRules.secretReferences(r, Set.of("nowhere")));
    }

    @Test
    void aLatestTagIsCaught() {
        Rendered r = devBrokenBy("newsgraph/gateway:1.0.0-SNAPSHOT", "newsgraph/gateway:latest");
        List<String> v = ManifestRules.images(r);
        assertTrue(v.contains("gateway/gateway image docker.io/newsgraph/gateway:latest has no fixed tag"), v.toString());
        assertTrue(v.stream().anyMatch(s -> s.startsWith("the service images carry different tags")), v.toString());
    }

    @Test
    void aHeapLargerThanTheMemoryLimitIsCaught() {
        // 90 % of entities-service's 3 GiB limit leaves less than a quarter for the rest of the process
        Rendered r = devBrokenBy("-XX:MaxRAMPercentage=67 ", "-XX:MaxRAMPercentage=90 ");
        List<String> v = ManifestRules.resources(r);
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).startsWith("entities-service/entities-service has a heap of"), v.get(0));
        Rendered fixed = devBrokenBy("-XX:MaxRAMPercentage=67 -XX:InitialRAMPercentage=67", "-Xmx4g");
        assertEquals(1, ManifestRules.resources(fixed).size(), ManifestRules.resources(fixed).toString());
    }

    @Test
    void aJvmThatSurvivesRunningOutOfHeapIsCaught() {
        Rendered r = devBrokenBy(" -XX:+ExitOnOutOfMemoryError", "");
        List<String> v = ManifestRules.resources(r);
        assertEquals(3, v.size(), v.toString());
        assertTrue(v.stream().allMatch(s -> s.contains("without -XX:+ExitOnOutOfMemoryError")), v.toString());
    }

    @Test
    void aWrongDatabasePortIsCaught() {
        Rendered r = devBrokenBy("jdbc:postgresql://articles-db:5432/", "jdbc:postgresql://articles-db:5433/");
        assertEquals(List.of("articles-service QUARKUS_DATASOURCE_JDBC_URL points at port 5433 of Service articles-db, "
                + "which does not expose it"), ManifestRules.wiring(r));
    }

    @Test
    void aWrongHealthPathIsCaught() {
        Rendered r = devBrokenBy("path: /q/health/ready", "path: /health");
        assertEquals(3, ManifestRules.probes(r).stream().filter(v -> v.endsWith("must probe /q/health/ready")).count());
    }

    @Test
    void aPolicyThatOpensEverythingChangesTheAllowedFlows() {
        String openAll = """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: open-all
                  namespace: newsgraph-dev
                spec:
                  podSelector: {}
                  ingress:
                  - {}
                  egress:
                  - {}
                """;
        Set<String> flows = NetworkFlows.allowed(Rendered.fromYaml(Overlays.yaml("dev") + openAll), "newsgraph-dev");
        assertTrue(flows.contains("gateway -> articles-db:5432/TCP"), flows.toString());
        assertTrue(flows.contains("entities-service -> articles-service:8081/TCP"), flows.toString());
        assertTrue(flows.contains("articles-db -> internet:443/TCP"), flows.toString());
        assertNotEquals(NetworkFlows.EXPECTED, flows);
    }

    @Test
    void aDatabaseOpenToTheGatewayIsCaught() {
        // The gateway would need both an ingress rule on the database and an egress rule of its own.
        String yaml = Overlays.yaml("dev") + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: careless-db
                  namespace: newsgraph-dev
                spec:
                  podSelector:
                    matchLabels:
                      app.kubernetes.io/name: articles-db
                  ingress:
                  - from:
                    - podSelector:
                        matchLabels:
                          app.kubernetes.io/name: gateway
                """;
        Set<String> onlyIngressOpened = NetworkFlows.allowed(Rendered.fromYaml(yaml), "newsgraph-dev");
        assertEquals(NetworkFlows.EXPECTED, onlyIngressOpened, "the gateway's own egress policy still stops it");

        String withEgress = yaml + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: careless-gateway
                  namespace: newsgraph-dev
                spec:
                  podSelector:
                    matchLabels:
                      app.kubernetes.io/name: gateway
                  policyTypes:
                  - Egress
                  egress:
                  - ports:
                    - port: 5432
                """;
        Set<String> flows = NetworkFlows.allowed(Rendered.fromYaml(withEgress), "newsgraph-dev");
        assertTrue(flows.contains("gateway -> articles-db:5432/TCP"), flows.toString());
    }

    @Test
    void aReplicaCountUnderAnAutoscalerIsCaught() {
        String yaml = Overlays.yaml("prod");
        String marker = "  name: gateway\n  namespace: newsgraph\nspec:\n  revisionHistoryLimit";
        assertTrue(yaml.contains(marker), "the prod render no longer has the gateway Deployment as expected");
        Rendered r = Rendered.fromYaml(yaml.replace(marker, marker.replace("spec:\n", "spec:\n  replicas: 2\n")));
        assertEquals(List.of("Deployment gateway sets replicas although HorizontalPodAutoscaler gateway owns the count: "
                + "every apply would reset it"), ManifestRules.references(r));
    }
}
