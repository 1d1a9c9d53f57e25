package io.newsgraph.gateway.executor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

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
 * What is shared and what is not, with answers held back until released so that requests are in flight
 * together: queries are shared unless the setting is off, mutations never, and each caller gets its own copy.
 */
class InflightDeduplicationUnitTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Supergraph SUPERGRAPH = TestSupergraphs.join("""
            type Counter @join__type(graph: ONE) { value: Int }
            type Query @join__type(graph: ONE) { counter: Counter }
            type Mutation @join__type(graph: ONE) { increment: Counter }
            """, "ONE");

    /** Holds every answer until {@link #release()}. */
    static final class Held implements SubgraphTransport {
        final List<CompletableFuture<SubgraphResponse>> pending = new ArrayList<>();
        final List<String> fields = new ArrayList<>();
        int value;

        @Override
        public CompletionStage<SubgraphResponse> send(String graph, byte[] body, Map<String, String> headers) {
            CompletableFuture<SubgraphResponse> f = new CompletableFuture<>();
            pending.add(f);
            fields.add(new String(body, java.nio.charset.StandardCharsets.UTF_8).contains("mutation") ? "increment" : "counter");
            return f;
        }

        void release() {
            for (int i = 0; i < pending.size(); i++) {
                value++;
                Map<String, Object> counter = new java.util.LinkedHashMap<>(Map.of("value", value));
                pending.get(i).complete(new SubgraphResponse(new java.util.LinkedHashMap<>(Map.of(fields.get(i), counter)), List.of()));
            }
        }
    }

    private static QueryPlan plan(String operation) {
        return new QueryPlanner(SUPERGRAPH).plan((OperationDefinition) Parser.parse(operation).getDefinitions().get(0), Map.of(), Map.of());
    }

    private static List<CompletableFuture<ExecutionResult>> run(PlanExecutor executor, QueryPlan plan, int times) {
        List<CompletableFuture<ExecutionResult>> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(executor.execute(plan, Map.of(), Map.of()).toCompletableFuture());
        }
        return out;
    }

    @Test
    void queriesInFlightTogetherShareOneCallAndEachGetsItsOwnCopy() {
        Held held = new Held();
        List<CompletableFuture<ExecutionResult>> results = run(new PlanExecutor(held, JSON, FetchObserver.NONE, true), plan("{ counter { value } }"), 3);
        assertEquals(1, held.pending.size());
        held.release();
        List<Map<String, Object>> data = results.stream().map(r -> r.join().data()).toList();
        data.forEach(d -> assertEquals("{counter={value=1}}", d.toString()));
        assertNotSame(data.get(0).get("counter"), data.get(1).get("counter"));
        assertNotSame(data.get(1).get("counter"), data.get(2).get("counter"));
    }

    @Test
    void mutationsAreNeverShared() {
        Held held = new Held();
        run(new PlanExecutor(held, JSON, FetchObserver.NONE, true), plan("mutation { increment { value } }"), 3);
        assertEquals(3, held.pending.size());
    }

    @Test
    void theSettingTurnsSharingOff() {
        Held held = new Held();
        run(new PlanExecutor(held, JSON, FetchObserver.NONE, false), plan("{ counter { value } }"), 3);
        assertEquals(3, held.pending.size());
    }

    @Test
    void aCallAfterTheAnswerIsSentAgain() {
        Held held = new Held();
        PlanExecutor executor = new PlanExecutor(held, JSON, FetchObserver.NONE, true);
        run(executor, plan("{ counter { value } }"), 1);
        held.release();
        run(executor, plan("{ counter { value } }"), 1);
        assertEquals(2, held.pending.size());
    }
}
