package io.newsgraph.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.newsgraph.gateway.GraphQLTestClient;
import io.newsgraph.gateway.SubgraphsResource;
import io.newsgraph.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Identical subgraph queries in flight at the same time share one call: the products subgraph (a real Node server,
 * made to answer slowly so that the requests overlap) counts the calls it receives.
 */
@QuarkusTest
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class InflightDeduplicationTest {

    private static final String QUERY = "{ topProducts { upc name } }";
    private static final String ANSWER = "{\"data\":{\"topProducts\":[{\"upc\":\"1\",\"name\":\"Table\"},{\"upc\":\"2\",\"name\":\"Couch\"},"
            + "{\"upc\":\"3\",\"name\":\"Chair\"}]}}";

    @BeforeEach
    void needsSubgraphs() {
        Assumptions.assumeTrue(SubgraphsResource.urls() != null, "node is not installed");
        GraphQLTestClient.query(QUERY); // planned and cached before the measured requests
    }

    @AfterEach
    void answerPromptlyAgain() {
        if (SubgraphsResource.urls() != null) {
            GraphQLTestClient.postEmpty(stats());
        }
    }

    private static String stats() {
        return SubgraphsResource.urls().get("products").replace("/graphql", "/stats");
    }

    /** Sends the query once per header map, all at the same time; returns the answers. */
    private static List<String> concurrently(List<Map<String, String>> headers) {
        ExecutorService pool = Executors.newFixedThreadPool(headers.size());
        try {
            List<CompletableFuture<String>> answers = new ArrayList<>();
            for (Map<String, String> h : headers) {
                answers.add(CompletableFuture.supplyAsync(() -> GraphQLTestClient.post(QUERY, null, h).asString(), pool));
            }
            return answers.stream().map(CompletableFuture::join).toList();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void concurrentIdenticalQueriesShareOneSubgraphCall() {
        GraphQLTestClient.postEmpty(stats() + "?delay=1500");
        List<String> answers = concurrently(List.of(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of()));
        answers.forEach(a -> assertEquals(GraphQLTestClient.tree(ANSWER), GraphQLTestClient.tree(a)));
        assertEquals(1, GraphQLTestClient.get(stats()).get("requests").asInt(), "six requests, one subgraph call");
    }

    @Test
    void callersWithAnotherAuthorizationGetTheirOwnCall() {
        GraphQLTestClient.postEmpty(stats() + "?delay=1500");
        // two callers with tokens the gateway verifies (it refuses a token it cannot verify before any fetch)
        Map<String, String> ada = Map.of("Authorization", "Bearer " + TestTokens.shared().token("reader"));
        Map<String, String> alan = Map.of("Authorization", "Bearer " + TestTokens.shared().token("editor"));
        List<String> answers = concurrently(List.of(ada, alan, ada, alan, ada, alan));
        answers.forEach(a -> assertEquals(GraphQLTestClient.tree(ANSWER), GraphQLTestClient.tree(a)));
        assertEquals(2, GraphQLTestClient.get(stats()).get("requests").asInt(), "one call per Authorization");
    }

    @Test
    void requestsThatDoNotOverlapAreSentEach() {
        GraphQLTestClient.postEmpty(stats());
        GraphQLTestClient.query(QUERY);
        GraphQLTestClient.query(QUERY);
        assertEquals(2, GraphQLTestClient.get(stats()).get("requests").asInt());
    }
}
