package io.newsgraph.gateway.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.planner.QueryPlan;
import io.newsgraph.gateway.planner.QueryPlanner;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * The executor against in-process subgraph answers: what it sends (batched, deduplicated representations) and
 * how it merges, maps errors and survives a failed subgraph. Real HTTP is covered by the end-to-end tests.
 */
class PlanExecutorTest {

    private static final Supergraph SUPERGRAPH = TestSupergraphs.supergraph();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Records requests and answers each subgraph with a canned response (or a failure). */
    static final class Recorded implements SubgraphTransport {
        final List<Map<String, Object>> requests = new ArrayList<>();
        final List<String> graphs = new ArrayList<>();
        final Map<String, String> answers;

        Recorded(Map<String, String> answers) {
            this.answers = answers;
        }

        @Override
        @SuppressWarnings("unchecked")
        public CompletionStage<SubgraphResponse> send(String graph, byte[] body, Map<String, String> headers) {
            try {
                requests.add(JSON.readValue(body, Map.class));
                graphs.add(graph);
                String answer = answers.get(graph);
                if (answer == null) {
                    return CompletableFuture.failedFuture(new SubgraphException(graph + " is down", null));
                }
                Map<String, Object> r = JSON.readValue(answer, Map.class);
                return CompletableFuture.completedFuture(new SubgraphResponse((Map<String, Object>) r.get("data"),
                        r.get("errors") == null ? List.of() : (List<Map<String, Object>>) r.get("errors")));
            } catch (Exception e) {
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    private static QueryPlan plan(String query) {
        OperationDefinition op = (OperationDefinition) Parser.parse(query).getDefinitions().get(0);
        return new QueryPlanner(SUPERGRAPH).plan(op, Map.of(), Map.of());
    }

    private static Map<String, Object> run(QueryPlan plan, Recorded transport, List<Map<String, Object>> errors) throws Exception {
        ExecutionResult r = new PlanExecutor(transport, JSON, FetchObserver.NONE).execute(plan, Map.of(), Map.of()).toCompletableFuture().get();
        errors.addAll(r.errors());
        return ResponseShaper.shape(plan, SUPERGRAPH.apiSchema(), r.data()).data();
    }

    @Test
    void sendsOneEntitiesRequestWithDistinctRepresentations() throws Exception {
        Recorded t = new Recorded(Map.of(
                "REVIEWS", """
                        {"data":{"latestReviews":[{"body":"a","author":{"__typename":"User","id":"u1"}},{"body":"b","author":{"__typename":"User","id":"u2"}},
                        {"body":"c","author":{"__typename":"User","id":"u1"}}]}}""",
                "ACCOUNTS", "{\"data\":{\"_entities\":[{\"name\":\"Ada\"},{\"name\":\"Alan\"}]}}"));
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, Object> data = run(plan("{ latestReviews { body author { name } } }"), t, errors);
        assertEquals(List.of("REVIEWS", "ACCOUNTS"), t.graphs);
        @SuppressWarnings("unchecked")
        Map<String, Object> vars = (Map<String, Object>) t.requests.get(1).get("variables");
        assertEquals(List.of(Map.of("__typename", "User", "id", "u1"), Map.of("__typename", "User", "id", "u2")), vars.get("representations"));
        assertEquals("{latestReviews=[{body=a, author={name=Ada}}, {body=b, author={name=Alan}}, {body=c, author={name=Ada}}]}", data.toString());
        assertTrue(errors.isEmpty());
    }

    @Test
    void aFailedSubgraphLeavesItsFieldsNullAndTheRestAnswered() throws Exception {
        Recorded t = new Recorded(Map.of("PRODUCTS", "{\"data\":{\"topProducts\":[{\"name\":\"Table\",\"__typename\":\"Product\",\"upc\":\"1\"}]}}"));
        List<Map<String, Object>> errors = new ArrayList<>();
        // inventory is down: inStock is non-null, so the product becomes null, and the list (of non-null) too
        Map<String, Object> data = run(plan("{ me { name } topProducts { name inStock } }"), t, errors);
        assertNull(data == null ? null : data.get("topProducts"));
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().allMatch(e -> ((Map<?, ?>) e.get("extensions")).get("code").equals("SUBGRAPH_REQUEST_FAILED")), errors.toString());
        assertTrue(errors.stream().noneMatch(e -> e.get("message").toString().contains("down")), "no subgraph internals: " + errors);
        // the failed entity fetch names the field it could not fill, at each object's path; the root fetch has no path
        assertTrue(errors.stream().anyMatch(e -> List.of("topProducts", 0, "inStock").equals(e.get("path"))), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> !e.containsKey("path")), errors.toString());
    }

    @Test
    void entityErrorsAreMappedToThePathOfTheirObject() throws Exception {
        Recorded t = new Recorded(Map.of(
                "PRODUCTS", "{\"data\":{\"topProducts\":[{\"__typename\":\"Product\",\"upc\":\"1\"},{\"__typename\":\"Product\",\"upc\":\"2\"}]}}",
                "REVIEWS", """
                        {"data":{"_entities":[{"reviewCount":1},null]},
                         "errors":[{"message":"boom","path":["_entities",1,"reviewCount"],"extensions":{"code":"X","stacktrace":["secret"]}}]}"""));
        List<Map<String, Object>> errors = new ArrayList<>();
        Map<String, Object> data = run(plan("{ topProducts { reviewCount } }"), t, errors);
        assertEquals(1, errors.size());
        assertEquals(List.of("topProducts", 1, "reviewCount"), errors.get(0).get("path"));
        assertEquals(Map.of("code", "X", "serviceName", "reviews"), errors.get(0).get("extensions"));
        assertNull(data, "reviewCount, Product and topProducts are non-null: the null reaches data");
    }
}
