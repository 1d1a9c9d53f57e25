package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service's Deployment and Service in deploy/base are what quarkus-kubernetes generated from the service's own
 * configuration (ports, probes from smallrye-health, environment), so that the manifests cannot disagree with the
 * service. The reactor builds the services before this module, so their target/kubernetes output is current.
 */
class GeneratedManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "articles-service", "entities-service"})
    void baseIsTheGeneratedOutput(String service) throws IOException {
        Path generated = Overlays.REPO_DIR.resolve(service).resolve("target/kubernetes/kubernetes.yml");
        assertTrue(Files.exists(generated), generated + " is missing: build " + service + " (mvn package) first");
        List<Map<String, Object>> objects = ApiModel.parseYaml(Files.readString(generated));
        for (String kind : List.of("Service", "Deployment")) {
            List<Map<String, Object>> expected = objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
            assertEquals(1, expected.size(), kind + " objects generated for " + service);
            Path base = Overlays.DEPLOY_DIR.resolve("base").resolve(service).resolve(kind.toLowerCase(Locale.ROOT) + ".yaml");
            assertEquals(expected, ApiModel.parseYaml(Files.readString(base)),
                    base + " differs from what quarkus-kubernetes generates: run deploy/sync-manifests.sh");
        }
    }
}
