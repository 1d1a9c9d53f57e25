package io.newsgraph.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsgraph.launcher.Launcher;
import io.newsgraph.launcher.Service;
import io.newsgraph.launcher.Suite;

/**
 * Queries built to take the suite down, through the gateway against the real services: a fan-out of
 * {@code related(first: 100)} nine levels deep (fourteen once exhausted entities-service's heap; nine is as deep as the
 * gateway's depth limit lets it go with each level three fields deep) and a fragment
 * reused at every level. The gateway refuses both by their estimated cost before any subgraph is called; the
 * services stay up and answer the suite's real queries, whose costs stay under the default limit, right after.
 */
@Order(35)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileQueriesIT {

    static String entity;

    @BeforeAll
    static void data() throws IOException {
        GatewayIT.loadSamples();
        entity = GatewayIT.sharedEntityId();
    }

    /** entity → related(first: 100) → entity → ..., {@code levels} deep. */
    static String fanOut(String id, int levels) {
        StringBuilder sb = new StringBuilder("{ entity(id: \"" + id + "\") { name ");
        for (int i = 0; i < levels; i++) {
            sb.append("related(first: 100) { edges { articleCount node { name ");
        }
        return sb.append(" } } }".repeat(levels)).append(" } }").toString();
    }

    /**
     * Each fragment spreads the next twice under related(first: 100): a small document, (2 * 100)^levels objects; 8 levels
     * stay under the gateway's field limit (2000, fragments expanded), so the cost is what refuses it.
     */
    static String fragmentReuse(String id, int levels) {
        StringBuilder sb = new StringBuilder("query Reuse { entity(id: \"" + id + "\") { ...F0 } }\n");
        for (int i = 0; i < levels; i++) {
            sb.append("fragment F").append(i).append(" on Entity { name related(first: 100) { edges { node { ...F").append(i + 1)
                    .append(" ... on Entity { ...F").append(i + 1).append(" } } } } }\n");
        }
        return sb.append("fragment F").append(levels).append(" on Entity { id name }\n").toString();
    }

    private static void assertRefusedByCost(String query) {
        Http.Response r = Http.graphql(SystemSuite.gateway(), query, null);
        assertEquals(400, r.status(), r.toString());
        JsonNode error = r.json().at("/errors/0");
        assertEquals("COST_ESTIMATED_TOO_EXPENSIVE", error.at("/extensions/code").asText(), r.toString());
        double estimated = error.at("/extensions/cost/estimated").asDouble();
        double max = error.at("/extensions/cost/max").asDouble();
        assertTrue(estimated > max, r.toString());
        String message = error.get("message").asText();
        assertTrue(message.contains("estimated cost") && message.contains("maximum " + (long) max), message);
        assertFalse(r.json().has("data") && !r.json().get("data").isNull(), "no data: nothing was executed");
    }

    @Test
    @Order(1)
    void theFanOutBombIsRefusedByItsCost() {
        for (int i = 0; i < 5; i++) {
            assertRefusedByCost(fanOut(entity, 9));
        }
        assertRefusedByCost(fanOut(entity, 3));
    }

    @Test
    @Order(2)
    void theFragmentReuseBombIsRefusedByItsCost() {
        for (int i = 0; i < 5; i++) {
            assertRefusedByCost(fragmentReuse(entity, 8));
        }
        assertRefusedByCost(fragmentReuse(entity, 2));
    }

    @Test
    @Order(3)
    void theServicesStayHealthyAndTheSuitesRealQueriesPassRightAfter() {
        Suite suite = SystemSuite.get();
        for (Service s : Service.values()) {
            assertTrue(suite.process(s).isAlive(), s.module() + " is still running");
            assertEquals(200, Http.get(suite.baseUrl(s) + "/q/health/ready").status(), s.module() + " is ready");
        }
        String article = GatewayIT.SAMPLE_IDS.getFirst();
        Map<String, Map<String, Object>> queries = new LinkedHashMap<>();
        queries.put(Launcher.welcomeQuery(SystemSuite.root()), null);
        // the load test's queries (LoadIT)
        queries.put("{ articles(first: 5) { edges { node { id title publishedAt } } } }", null);
        queries.put("query($id: ID!) { article(id: $id) { id title keyPoints entities { salience entity { id name type } } } }", Map.of("id", article));
        queries.put("query($id: ID!) { entity(id: $id) { name type articles(first: 5) { edges { node { id title } } } related(first: 5) { edges { articleCount node { name } } } } }",
                Map.of("id", entity));
        queries.put("{ articles(first: 3) { edges { node { title entities(minSalience: 0.2) { entity { name articles(first: 2) { edges { node { title } } } } } } } } }", null);
        queries.put("{ searchEntities(query: \"Rotterdam\") { edges { node { id name type } } } }", null);
        queries.put("{ searchArticles(query: \"energy\") { edges { node { id title } } } }", null);
        for (Map.Entry<String, Map<String, Object>> q : queries.entrySet()) {
            Http.Response r = Http.graphql(SystemSuite.gateway(), q.getKey(), q.getValue(), "Newsgraph-Cost", "1");
            assertEquals(200, r.status(), r.toString());
            assertTrue(!r.json().has("errors") || r.json().get("errors").isEmpty(), r.toString());
            JsonNode cost = r.json().at("/extensions/cost");
            assertTrue(cost.get("estimated").asDouble() <= cost.get("max").asDouble(), cost.toString());
            System.out.println("[cost] estimated " + cost.get("estimated") + ", actual " + cost.get("actual") + ": "
                    + q.getKey().replaceAll("\\s+", " "));
        }
    }
}
