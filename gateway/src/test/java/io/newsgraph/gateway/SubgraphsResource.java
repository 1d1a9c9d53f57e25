package io.newsgraph.gateway;

import java.nio.file.Path;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Runs the test subgraphs (real Node HTTP servers) for a {@code @QuarkusTest} and points the gateway at a
 * supergraph file carrying their URLs. Without Node the gateway gets the same supergraph with unreachable URLs,
 * and the tests that need subgraphs skip themselves.
 */
public class SubgraphsResource implements QuarkusTestResourceLifecycleManager {

    static volatile Map<String, String> urls;
    static volatile Path supergraph;
    private NodeProcesses.Running subgraphs;

    @Override
    public Map<String, String> start() {
        if (!NodeProcesses.nodeAvailable()) {
            urls = null;
            supergraph = NodeProcesses.supergraphFor(Map.of());
            return Map.of("newsgraph.gateway.supergraph", supergraph.toString());
        }
        var started = NodeProcesses.startSubgraphs();
        subgraphs = started.getKey();
        urls = started.getValue();
        supergraph = NodeProcesses.supergraphFor(urls);
        return Map.of("newsgraph.gateway.supergraph", supergraph.toString(), "newsgraph.gateway.reload-interval", "200ms");
    }

    @Override
    public void stop() {
        if (subgraphs != null) {
            subgraphs.close();
        }
    }

    public static Map<String, String> urls() {
        return urls;
    }

    public static Path supergraph() {
        return supergraph;
    }
}
