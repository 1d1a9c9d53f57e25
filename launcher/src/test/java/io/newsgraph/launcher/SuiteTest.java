package io.newsgraph.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteTest {

    @Test
    void pointsTheSupergraphsRoutingUrlsAtTheConfiguredPorts(@TempDir Path dir) throws Exception {
        Path shipped = dir.resolve("supergraph.graphql");
        Files.writeString(shipped, """
                enum join__Graph {
                  ARTICLES @join__graph(name: "articles", url: "http://127.0.0.1:8081/graphql")
                  ENTITIES @join__graph(name: "entities", url: "http://127.0.0.1:8082/graphql")
                }
                """);
        SuiteConfig config = SuiteConfig.fromEnvironment(dir, Map.of(
                "NEWSGRAPH_RUN_ARTICLES_PORT", "9181",
                "NEWSGRAPH_RUN_ENTITIES_PORT", "9182",
                "NEWSGRAPH_RUN_SUPERGRAPH", shipped.toString(),
                "NEWSGRAPH_RUN_STATE_DIR", dir.resolve("state").toString()));
        Files.createDirectories(config.stateDir());
        Path routed = new Suite(config, line -> { }).routedSupergraph();
        String sdl = Files.readString(routed);
        assertTrue(sdl.contains("@join__graph(name: \"articles\", url: \"http://127.0.0.1:9181/graphql\")"), sdl);
        assertTrue(sdl.contains("@join__graph(name: \"entities\", url: \"http://127.0.0.1:9182/graphql\")"), sdl);
        assertEquals(Files.readString(shipped).replace("8081", "9181").replace("8082", "9182"), sdl);
    }
}
