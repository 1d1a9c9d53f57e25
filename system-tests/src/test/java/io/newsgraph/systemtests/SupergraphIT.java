package io.newsgraph.systemtests;

import io.newsgraph.launcher.Service;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped {@code deploy/supergraph.graphql} is what the running subgraphs compose to (with the local run's routing
 * URLs). When a subgraph's schema changes, this fails until the file is composed again (docs/running.md says how).
 */
@Order(20)
class SupergraphIT {

    static final String ARTICLES_ROUTING = "http://127.0.0.1:8081/graphql";
    static final String ENTITIES_ROUTING = "http://127.0.0.1:8082/graphql";

    @Test
    void shippedSupergraphMatchesTheRunningSubgraphs() throws IOException {
        Path shipped = SystemSuite.root().resolve("deploy/supergraph.graphql");
        assertTrue(Files.exists(shipped), "deploy/supergraph.graphql is shipped");
        Path composed = SystemSuite.stateDir().resolve("supergraph-as-shipped.graphql");
        Federation.composeWithRouting(SystemSuite.root(), composed,
                SystemSuite.url(Service.ARTICLES) + "/graphql", ARTICLES_ROUTING,
                SystemSuite.url(Service.ENTITIES) + "/graphql", ENTITIES_ROUTING);
        assertEquals(Files.readString(composed), Files.readString(shipped),
                "deploy/supergraph.graphql is stale: compose it again from the running subgraphs (docs/running.md)");
    }
}
