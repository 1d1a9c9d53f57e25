package io.newsgraph.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsgraph.gateway.GraphQLTestClient;
import io.newsgraph.gateway.SubgraphsResource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With tracing on: a federated query gives one trace, the gateway's server span and under it one client span per
 * subgraph fetch, and each subgraph receives a {@code traceparent} naming its fetch's span.
 */
@QuarkusTest
@TestProfile(TracingTest.TracingOn.class)
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class TracingTest {

    public static class TracingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.bsp.schedule.delay", "50ms");
        }
    }

    @Inject
    InMemorySpanExporter exporter;

    @BeforeEach
    void needsSubgraphs() {
        Assumptions.assumeTrue(SubgraphsResource.urls() != null, "node is not installed");
        exporter.reset();
    }

    private static JsonNode stats(String subgraph) {
        return GraphQLTestClient.get(SubgraphsResource.urls().get(subgraph).replace("/graphql", "/stats"));
    }

    private List<SpanData> spansOfTrace(String traceId, int atLeast) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            List<SpanData> spans = exporter.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
            if (spans.size() >= atLeast && spans.stream().anyMatch(s -> s.getKind() == SpanKind.SERVER)) {
                return spans;
            }
            Thread.sleep(50);
        }
        return exporter.getFinishedSpanItems();
    }

    @Test
    void aFederatedQueryIsOneTraceWithASpanPerSubgraphFetch() throws Exception {
        String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        JsonNode r = GraphQLTestClient.tree(GraphQLTestClient.post("query Reviewed { topProducts(first: 2) { name reviews { body } } }", null,
                Map.of("traceparent", caller)).asString());
        assertFalse(r.has("errors"), r.toString());

        List<SpanData> spans = spansOfTrace(traceId, 3);
        SpanData server = spans.stream().filter(s -> s.getKind() == SpanKind.SERVER).findFirst().orElseThrow(() -> new AssertionError(spans));
        assertEquals("00f067aa0ba902b7", server.getParentSpanId(), "the caller's span is the server span's parent");
        assertEquals("Reviewed", server.getAttributes().get(AttributeKey.stringKey("graphql.operation.name")));

        List<SpanData> fetches = spans.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
        assertEquals(Set.of("subgraph products", "subgraph reviews"), fetches.stream().map(SpanData::getName).collect(Collectors.toSet()),
                spans.toString());
        assertEquals(2, fetches.size(), "one span per fetch: " + fetches);
        for (SpanData f : fetches) {
            assertEquals(server.getSpanId(), f.getParentSpanId());
            String subgraph = f.getAttributes().get(AttributeKey.stringKey("subgraph.name"));
            assertEquals("subgraph " + subgraph, f.getName());
            assertEquals("Reviewed", f.getAttributes().get(AttributeKey.stringKey("graphql.operation.name")));
            assertEquals("query", f.getAttributes().get(AttributeKey.stringKey("graphql.operation.type")));
            // what the subgraph received names this fetch's span in the caller's trace
            assertEquals("00-" + traceId + "-" + f.getSpanId() + "-01", stats(subgraph).at("/lastHeaders/traceparent").asText(), subgraph);
        }
        assertTrue(fetches.stream().anyMatch(f -> Boolean.TRUE.equals(f.getAttributes().get(AttributeKey.booleanKey("newsgraph.fetch.entities")))),
                "the reviews fetch is an entity fetch");
        for (SpanData s : spans) {
            s.getAttributes().forEach((k, v) -> assertFalse(String.valueOf(v).contains("topProducts"), "no document in attribute " + k));
        }
    }
}
