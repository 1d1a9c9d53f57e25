package io.newsgraph.gateway.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.newsgraph.gateway.planner.FetchNode;
import io.newsgraph.gateway.planner.QueryPlan;
import io.newsgraph.gateway.planner.QueryPlanner;
import io.newsgraph.gateway.supergraph.Supergraph;
import io.newsgraph.gateway.supergraph.SupergraphParser;

/**
 * A subscription's plan over a supergraph composed with a Subscription root type in one subgraph: the root field is a
 * subscription fetch to that subgraph, fields of another subgraph an {@code _entities} fetch run per event.
 */
class SubscriptionPlanTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Supergraph SUPERGRAPH = SupergraphParser.parse(resource("subscriptions/supergraph.graphql"));

    private static String resource(String name) {
        try (InputStream in = SubscriptionPlanTest.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static QueryPlan plan(String query) {
        OperationDefinition op = (OperationDefinition) Parser.parse(query).getDefinitions().get(0);
        return new QueryPlanner(SUPERGRAPH).plan(op, Map.of(), Map.of());
    }

    private static final String QUERY = "subscription($id: ID!) { articleProcessing(id: $id) { id processing { state } entities { name } } }";

    @Test
    void theRootFieldIsASubscriptionFetchAndEntityFieldsFollowAsEntityFetches() {
        QueryPlan plan = plan(QUERY);
        assertEquals("Subscription", SUPERGRAPH.subscriptionType());
        List<FetchNode> fetches = plan.fetches();
        assertEquals(2, fetches.size());
        assertTrue(fetches.get(0).isSubscription());
        assertEquals("articles", fetches.get(0).serviceName());
        assertEquals("subscription($id:ID!){articleProcessing(id:$id){id processing{state} __typename}}", fetches.get(0).operation());
        assertEquals("entities", fetches.get(1).serviceName());
        assertTrue(fetches.get(1).isEntityFetch());
    }

    @Test
    void eachEventIsTheSubscriptionFetchsAnswerAndTheRestOfThePlanRunsOverIt() throws Exception {
        List<Map<String, Object>> sent = new ArrayList<>();
        SubgraphTransport entities = new SubgraphTransport() {
            @Override
            @SuppressWarnings("unchecked")
            public CompletionStage<SubgraphResponse> send(String graph, byte[] body, Map<String, String> headers) {
                try {
                    sent.add(JSON.readValue(body, Map.class));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                assertEquals("Bearer t", headers.get("authorization"));
                return CompletableFuture.completedFuture(new SubgraphResponse(
                        Map.of("_entities", List.of(Map.of("entities", List.of(Map.of("name", "Lloyd J. Austin III"))))), List.of()));
            }
        };
        PlanExecutor executor = new PlanExecutor(entities, JSON, (s, n, o) -> { });
        QueryPlan plan = plan(QUERY);
        SubgraphResponse event = new SubgraphResponse(Map.of("articleProcessing",
                new java.util.LinkedHashMap<>(Map.of("id", "a1", "processing", Map.of("state", "DONE"), "__typename", "Article"))), List.of());
        ExecutionResult result = executor.execute(plan, Map.of("id", "a1"), Map.of("authorization", "Bearer t"), event)
                .toCompletableFuture().get();
        assertEquals(1, sent.size(), "only the entity fetch goes over HTTP");
        assertEquals(List.of(Map.of("__typename", "Article", "id", "a1")), ((Map<?, ?>) sent.get(0).get("variables")).get("representations"));
        Map<String, Object> shaped = ResponseShaper.shape(plan, SUPERGRAPH.apiSchema(), result.data()).data();
        assertEquals(Map.of("articleProcessing", Map.of("id", "a1", "processing", Map.of("state", "DONE"),
                "entities", List.of(Map.of("name", "Lloyd J. Austin III")))), shaped);
    }
}
