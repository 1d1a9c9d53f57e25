package io.newsgraph.gateway.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.planner.QueryPlan;
import io.newsgraph.gateway.planner.QueryPlanner;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * A required field fetched under a gateway alias is sent in the representation under its own name, each
 * requiring field's fetch with the value for its own arguments.
 */
class RequiredArgumentsRepresentationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Supergraph SUPERGRAPH = TestSupergraphs.join("""
            type Item @join__type(graph: SHOP, key: "sku") @join__type(graph: CALC, key: "sku") {
              sku: String!
              cost(unit: String!): Int @join__field(graph: SHOP) @join__field(graph: CALC, external: true)
              costInGrams: Int @join__field(graph: CALC, requires: "cost(unit: \\"g\\")")
              costInKilos: Int @join__field(graph: CALC, requires: "cost(unit: \\"kg\\")")
            }
            type Query @join__type(graph: SHOP) @join__type(graph: CALC) {
              items: [Item] @join__field(graph: SHOP)
            }
            """, "SHOP", "CALC");

    @Test
    @SuppressWarnings("unchecked")
    void eachFetchSendsTheValueForItsOwnArguments() throws Exception {
        OperationDefinition op = (OperationDefinition) Parser.parse("{ items { sku costInGrams costInKilos } }").getDefinitions().get(0);
        QueryPlan plan = new QueryPlanner(SUPERGRAPH).plan(op, Map.of(), Map.of());
        List<Map<String, Object>> sent = new ArrayList<>();
        SubgraphTransport transport = (graph, body, headers) -> {
            try {
                Map<String, Object> request = JSON.readValue(body, Map.class);
                sent.add(request);
                if (graph.equals("SHOP")) {
                    return CompletableFuture.completedFuture(new SubgraphResponse((Map<String, Object>) JSON.readValue(
                            "{\"items\":[{\"sku\":\"s1\",\"__typename\":\"Item\",\"cost__r0\":1000,\"cost__r1\":1}]}", Map.class), List.of()));
                }
                // The subgraph computes from the representation: grams and kilos must arrive as such.
                List<Map<String, Object>> reps = (List<Map<String, Object>>) ((Map<String, Object>) request.get("variables")).get("representations");
                String field = request.get("query").toString().contains("costInGrams") ? "costInGrams" : "costInKilos";
                List<Object> answers = new ArrayList<>();
                for (Map<String, Object> rep : reps) {
                    answers.add(Map.of(field, rep.get("cost")));
                }
                return CompletableFuture.completedFuture(new SubgraphResponse(Map.of("_entities", answers), List.of()));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        };
        ExecutionResult r = new PlanExecutor(transport, JSON, FetchObserver.NONE).execute(plan, Map.of(), Map.of()).toCompletableFuture().get();
        Map<String, Object> data = ResponseShaper.shape(plan, SUPERGRAPH.apiSchema(), r.data()).data();
        assertEquals("{items=[{sku=s1, costInGrams=1000, costInKilos=1}]}", data.toString());
        assertEquals(3, sent.size());
        for (Map<String, Object> request : sent.subList(1, 3)) {
            List<Map<String, Object>> reps = (List<Map<String, Object>>) ((Map<String, Object>) request.get("variables")).get("representations");
            assertEquals(List.of("__typename", "sku", "cost"), List.copyOf(reps.get(0).keySet()));
        }
    }
}
