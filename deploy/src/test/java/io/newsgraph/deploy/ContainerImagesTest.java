package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1PodSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each service's image build agrees with the manifests that run it. */
class ContainerImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"gateway", "articles-service", "entities-service"})
    void dockerfileMatchesTheManifests(String service) throws IOException {
        Path dockerfile = Overlays.REPO_DIR.resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        List<String> lines = Files.readAllLines(dockerfile).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        // A JRE base image, the Quarkus fast-jar layout, started as PID 1 so it receives SIGTERM.
        assertTrue(lines.stream().anyMatch(l -> l.matches("ARG JRE_IMAGE=\\S+-jre\\S*")), service + ": not a JRE base image");
        for (String part : List.of("lib/", "quarkus-run.jar", "app/", "quarkus/")) {
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("COPY target/quarkus-app/" + part)), service + " misses " + part);
        }
        String entrypoint = single(lines, "ENTRYPOINT ");
        assertTrue(entrypoint.contains("exec java") && entrypoint.contains("-jar /deployments/quarkus-run.jar"), entrypoint);

        // The user and port the Deployment expects.
        V1Deployment deployment = Overlays.rendered("prod").named(V1Deployment.class, service).orElseThrow();
        V1PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Matcher user = Pattern.compile("USER (\\d+):(\\d+)").matcher(single(lines, "USER "));
        assertTrue(user.matches(), "USER must be numeric uid:gid so runAsNonRoot can verify it");
        assertEquals(pod.getSecurityContext().getRunAsUser(), Long.valueOf(user.group(1)));
        assertEquals(pod.getSecurityContext().getRunAsGroup(), Long.valueOf(user.group(2)));
        assertEquals("EXPOSE " + ManifestRules.SERVICES.get(service), single(lines, "EXPOSE "));
        assertEquals(ManifestRules.SERVICES.get(service), pod.getContainers().get(0).getPorts().get(0).getContainerPort());
    }

    private static String single(List<String> lines, String prefix) {
        List<String> matching = lines.stream().filter(l -> l.startsWith(prefix)).toList();
        assertEquals(1, matching.size(), "expected one " + prefix.strip() + " line, found " + matching);
        return matching.get(0);
    }
}
