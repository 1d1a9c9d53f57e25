package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The prod overlay with the external-databases component: no database in the cluster, every rule still kept. */
class ExternalDatabasesTest {

    private static Rendered r;

    @BeforeAll
    static void render() {
        r = Rendered.fromYaml(Overlays.render("prod", "external-databases", Map.of(
                "articles-db.env", "jdbc-url=jdbc:postgresql://articles.db.example:5432/articles",
                "entities-db.env", "jdbc-url=jdbc:postgresql://entities.db.example:5432/entities")));
    }

    @Test
    void noDatabaseRunsInTheCluster() {
        assertEquals(List.of(), r.all(V1StatefulSet.class));
        assertEquals(Set.of("gateway", "articles-service", "entities-service"),
                Set.copyOf(r.all(V1Service.class).stream().map(s -> s.getMetadata().getName()).toList()));
        assertEquals(Set.of("gateway", "articles-service", "entities-service"), r.podTemplates().keySet());
    }

    @Test
    void theServicesReadTheirJdbcUrlFromTheirCredentials() {
        for (String service : List.of("articles-service", "entities-service")) {
            V1EnvVar url = r.named(V1Deployment.class, service).orElseThrow().getSpec().getTemplate().getSpec()
                    .getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_JDBC_URL")).findFirst().orElseThrow();
            assertEquals(null, url.getValue(), "no literal left beside the Secret reference");
            assertEquals("jdbc-url", url.getValueFrom().getSecretKeyRef().getKey());
        }
    }

    @Test
    void everyRuleStillHolds() {
        assertEquals(List.of(), ManifestRules.onlyGatewayExposed(r));
        assertEquals(List.of(), ManifestRules.probes(r));
        assertEquals(List.of(), ManifestRules.resources(r));
        assertEquals(List.of(), ManifestRules.securityContexts(r));
        assertEquals(List.of(), ManifestRules.secretReferences(r, Set.of("newsgraph-tls")));
        assertEquals(List.of(), ManifestRules.images(r));
        assertEquals(List.of(), ManifestRules.networkPolicyCoverage(r, "newsgraph"));
        assertEquals(List.of(), ManifestRules.references(r));
        assertEquals(List.of(), ManifestRules.wiring(r));
    }

    @Test
    void onlyTheServicesReachTheDatabaseNetworkAndOnlyOnThePostgresPort() {
        Reachability reach = new Reachability("newsgraph", r.all(V1NetworkPolicy.class));
        Reachability.Endpoint database = Reachability.Endpoint.outside("database");
        Map<String, Reachability.Endpoint> pods = new java.util.HashMap<>();
        r.podTemplates().forEach((name, t) -> pods.put(name, Reachability.podOf(name, t, "newsgraph")));

        assertTrue(reach.allowed(pods.get("articles-service"), database, 5432, "TCP"));
        assertTrue(reach.allowed(pods.get("entities-service"), database, 5432, "TCP"));
        assertFalse(reach.allowed(pods.get("gateway"), database, 5432, "TCP"));
        assertFalse(reach.allowed(pods.get("articles-service"), database, 443, "TCP"));
        // The relay's way to entities-service survives the replaced egress rules.
        assertTrue(reach.allowed(pods.get("articles-service"), pods.get("entities-service"), 8082, "TCP"));
    }

    @Test
    void credentialsWithoutAJdbcUrlAreCaught() {
        Rendered missing = Rendered.fromYaml(Overlays.render("prod", "external-databases", Map.of()));
        List<String> v = ManifestRules.secretReferences(missing, Set.of("newsgraph-tls"));
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.stream().allMatch(s -> s.contains("QUARKUS_DATASOURCE_JDBC_URL reads key jdbc-url")), v.toString());
    }
}
