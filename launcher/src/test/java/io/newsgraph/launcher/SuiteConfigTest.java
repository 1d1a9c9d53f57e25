package io.newsgraph.launcher;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuiteConfigTest {

    private final Path root = Path.of("/repo");

    @Test
    void defaultsAreTheDocumentedPorts() {
        SuiteConfig c = SuiteConfig.fromEnvironment(root, Map.of());
        assertEquals(8080, c.port(Service.GATEWAY));
        assertEquals(8081, c.port(Service.ARTICLES));
        assertEquals(8082, c.port(Service.ENTITIES));
        assertEquals(Path.of("/repo/.newsgraph"), c.stateDir());
        assertEquals(Path.of("/repo/deploy/supergraph.graphql"), c.supergraph());
        assertTrue(c.external().isEmpty());
    }

    @Test
    void environmentOverridesPortsAndDatabases() {
        SuiteConfig c = SuiteConfig.fromEnvironment(root, Map.of(
                "NEWSGRAPH_RUN_GATEWAY_PORT", "9080",
                "NEWSGRAPH_RUN_ENTITIES_JAVA_OPTS", "-Xmx3g",
                "NEWSGRAPH_RUN_ARTICLES_DB_URL", "jdbc:postgresql://db:5432/a",
                "NEWSGRAPH_RUN_ENTITIES_DB_URL", "jdbc:postgresql://db:5432/e"));
        assertEquals(9080, c.port(Service.GATEWAY));
        assertEquals("http://127.0.0.1:9080", c.baseUrl(Service.GATEWAY));
        assertEquals("-Xmx3g", c.javaOptions().get(Service.ENTITIES));
        assertEquals("jdbc:postgresql://db:5432/e", c.external().orElseThrow().entitiesUrl());
    }

    @Test
    void rejectsHalfAConfiguredDatabaseAndBadPorts() {
        assertThrows(LaunchException.class,
                () -> SuiteConfig.fromEnvironment(root, Map.of("NEWSGRAPH_RUN_ARTICLES_DB_URL", "jdbc:postgresql://db/a")));
        assertThrows(LaunchException.class, () -> SuiteConfig.fromEnvironment(root, Map.of("NEWSGRAPH_RUN_GATEWAY_PORT", "http")));
    }
}
