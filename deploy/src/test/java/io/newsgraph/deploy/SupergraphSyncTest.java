package io.newsgraph.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway's in-cluster supergraph is the suite's supergraph with in-cluster routing URLs, nothing else. */
class SupergraphSyncTest {

    private static final Path SCRIPT = Overlays.DEPLOY_DIR.resolve("sync-supergraph.sh");

    @TempDir
    Path tmp;

    @Test
    void inClusterCopyMatchesTheSuitesSupergraph() throws IOException {
        Path source = Overlays.DEPLOY_DIR.resolve("supergraph.graphql");
        Assumptions.assumeTrue(Files.exists(source), "deploy/supergraph.graphql is not there yet");
        Path expected = tmp.resolve("expected.graphql");
        Overlays.run(tmp, "bash", SCRIPT.toString(), source.toString(), expected.toString());
        assertEquals(Files.readString(expected),
                Files.readString(Overlays.DEPLOY_DIR.resolve("base/gateway/supergraph.graphql")),
                "deploy/base/gateway/supergraph.graphql is out of date: run deploy/sync-supergraph.sh");
    }

    @Test
    void rewritesEveryRoutingUrlAndNothingElse() throws IOException {
        Path source = sample();
        Path target = tmp.resolve("out.graphql");
        Overlays.run(tmp, "bash", SCRIPT.toString(), source.toString(), target.toString());
        String in = Files.readString(source);
        String out = Files.readString(target);
        assertTrue(in.contains("url: \"http://127.0.0.1:8081/graphql\""));
        assertTrue(out.contains("@join__graph(name: \"articles\", url: \"http://articles-service:8081/graphql\")"), out);
        assertTrue(out.contains("@join__graph(name: \"entities\", url: \"http://entities-service:8082/graphql\")"), out);
        assertFalse(out.contains("127.0.0.1"));
        assertEquals(in.replace("http://127.0.0.1:8081/graphql", "http://articles-service:8081/graphql")
                .replace("http://127.0.0.1:8082/graphql", "http://entities-service:8082/graphql"), out);
    }

    @Test
    void refusesASubgraphWithoutAnInClusterUrl() throws IOException {
        Path source = tmp.resolve("three.graphql");
        Files.writeString(source, Files.readString(sample()).replace(
                "  ENTITIES @join__graph(name: \"entities\", url: \"http://127.0.0.1:8082/graphql\")",
                "  ENTITIES @join__graph(name: \"entities\", url: \"http://127.0.0.1:8082/graphql\")\n"
                        + "  REVIEWS @join__graph(name: \"reviews\", url: \"http://127.0.0.1:8083/graphql\")"));
        Path target = tmp.resolve("out.graphql");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Overlays.run(tmp, "bash", SCRIPT.toString(), source.toString(), target.toString()));
        assertTrue(e.getMessage().contains("subgraph 'reviews' has no in-cluster URL"), e.getMessage());
        assertFalse(Files.exists(target), "nothing written on failure");
    }

    private Path sample() throws IOException {
        Path sample = tmp.resolve("supergraph.graphql");
        try (var in = getClass().getResourceAsStream("/sample-supergraph.graphql")) {
            Files.write(sample, in.readAllBytes());
        }
        return sample;
    }
}
