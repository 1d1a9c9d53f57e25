package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests speak the services' language: every NEWSGRAPH_* variable they set is a setting the service declares,
 * and every API key a service declares is set from a Secret.
 */
class ServiceSettingsTest {

    /** A settings interface of each service, whose jar (or classes folder) is scanned for all of them. */
    private static final Map<String, String> ANCHORS = Map.of(
            "articles-service", "io.newsgraph.articles.config.ArticlesConfig",
            "entities-service", "io.newsgraph.entities.config.EntitiesConfig",
            "gateway", "io.newsgraph.gateway.config.GatewayConfig");

    static List<ConfigNames.Setting> settingsOf(String service) {
        Class<?> anchor;
        try {
            anchor = Class.forName(ANCHORS.get(service));
        } catch (ClassNotFoundException e) {
            // Built in this reactor run, the class must be there; an older jar installed in the local repository
            // (a build of this module alone) may simply predate it.
            boolean fromThisBuild = classpath().stream()
                    .anyMatch(entry -> entry.startsWith(Overlays.REPO_DIR.resolve(service).toString()));
            Assumptions.assumeTrue(fromThisBuild, service + " on the classpath is an older installed build without "
                    + ANCHORS.get(service) + "; run the whole build, or mvn -pl " + service + " install -DskipTests");
            throw new AssertionError(service + " no longer has " + ANCHORS.get(service)
                    + ": name the class that holds its settings in " + ServiceSettingsTest.class.getSimpleName(), e);
        }
        return ConfigNames.of(anchor);
    }

    private static List<String> classpath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path", ""));
        return List.of(cp.split(java.io.File.pathSeparator));
    }

    /** Violations: NEWSGRAPH_* variables of the Deployment that no setting of the service reads. */
    static List<String> unknownVariables(Rendered r, String service, List<ConfigNames.Setting> settings) {
        List<String> v = new ArrayList<>();
        for (V1EnvVar env : env(r, service)) {
            if (env.getName().startsWith("NEWSGRAPH_")
                    && settings.stream().noneMatch(s -> s.envName().matcher(env.getName()).matches())) {
                v.add(service + " sets " + env.getName() + ", which no setting of " + service + " reads");
            }
        }
        return v;
    }

    @Test
    void theSettingsOfEachServiceAreFound() {
        List<String> articles = settingsOf("articles-service").stream().map(ConfigNames.Setting::property).toList();
        assertTrue(articles.contains("newsgraph.articles.relay.signing-key"), articles.toString());
        List<String> gateway = settingsOf("gateway").stream().map(ConfigNames.Setting::property).toList();
        assertTrue(gateway.contains("newsgraph.gateway.supergraph"), gateway.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyVariableTheManifestsSetIsASettingOfTheService(String overlay) {
        Rendered r = Overlays.rendered(overlay);
        for (String service : ManifestRules.SERVICES.keySet()) {
            assertEquals(List.of(), unknownVariables(r, service, settingsOf(service)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyKeyComesFromASecret(String overlay) {
        Rendered r = Overlays.rendered(overlay);
        for (String service : ManifestRules.SERVICES.keySet()) {
            // a private key is set from a Secret, never as a plain value
            for (ConfigNames.Setting s : settingsOf(service)) {
                if (!s.property().endsWith(".signing-key")) {
                    continue;
                }
                Optional<V1EnvVar> env = env(r, service).stream().filter(e -> s.envName().matcher(e.getName()).matches()).findFirst();
                assertTrue(env.isPresent(), service + " leaves " + s.property() + " unset");
                assertTrue(env.get().getValueFrom() != null && env.get().getValueFrom().getSecretKeyRef() != null,
                        service + " sets " + env.get().getName() + " from no Secret");
            }
            // every service verifies tokens with the settings of the Secret newsgraph-auth (docs/deploy.md, "Secrets")
            assertTrue(r.named(V1Deployment.class, service).orElseThrow().getSpec().getTemplate().getSpec().getContainers().getFirst().getEnvFrom().stream()
                            .anyMatch(f -> f.getSecretRef() != null && f.getSecretRef().getName().startsWith("newsgraph-auth")),
                    service + " does not read the Secret newsgraph-auth");
        }
    }

    @Test
    void aMisspeltVariableIsCaught() {
        Rendered r = Rendered.fromYaml(Overlays.yaml("dev").replace("NEWSGRAPH_ARTICLES_ENTITIES_BASE_URL",
                "NEWSGRAPH_ARTICLES_RELAY_TARGET_URL"));
        List<String> v = unknownVariables(r, "articles-service", settingsOf("articles-service"));
        assertEquals(List.of("articles-service sets NEWSGRAPH_ARTICLES_RELAY_TARGET_URL, which no setting of "
                + "articles-service reads"), v);
        assertFalse(unknownVariables(Overlays.rendered("dev"), "articles-service", settingsOf("articles-service")).size() > 0);
    }

    private static List<V1EnvVar> env(Rendered r, String service) {
        V1Deployment d = r.named(V1Deployment.class, service).orElseThrow();
        List<V1EnvVar> all = new ArrayList<>();
        for (V1Container c : d.getSpec().getTemplate().getSpec().getContainers()) {
            if (c.getEnv() != null) {
                all.addAll(c.getEnv());
            }
        }
        return all;
    }
}
