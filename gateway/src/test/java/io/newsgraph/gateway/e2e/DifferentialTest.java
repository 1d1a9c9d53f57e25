package io.newsgraph.gateway.e2e;

import static io.newsgraph.gateway.GraphQLTestClient.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsgraph.gateway.GraphQLTestClient;
import io.newsgraph.gateway.NodeProcesses;
import io.newsgraph.gateway.SubgraphsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The same operations through this gateway and through {@code @apollo/gateway} over the same running
 * subgraphs and supergraph must give the same {@code data} and the same error paths.
 */
@QuarkusTest
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class DifferentialTest {

    private static NodeProcesses.Running reference;
    private static String referenceUrl;

    @BeforeAll
    static void startReference() throws Exception {
        Assumptions.assumeTrue(SubgraphsResource.urls() != null, "node is not installed");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        reference = NodeProcesses.start(List.of(NodeProcesses.TOOLS.resolve("reference-gateway.mjs").toString(),
                "--supergraph", SubgraphsResource.supergraph().toString(), "--port", String.valueOf(port)));
        referenceUrl = "http://127.0.0.1:" + port;
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 100; i++) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(referenceUrl + "/health")).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("reference gateway did not become healthy");
    }

    @AfterAll
    static void stopReference() {
        if (reference != null) {
            reference.close();
        }
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                op("one subgraph", "{ topProducts { upc name price weight } }", null),
                op("one boundary", "{ topProducts(first: 2) { name reviews { id body } } }", null),
                op("both boundaries, nested", "{ topProducts { name reviews { body author { name username email } } } }", null),
                op("three levels", "{ product(upc: \"2\") { name reviews { author { name reviews { body product { name inStock shippingEstimate } } } } } }", null),
                op("requires", "{ topProducts { upc inStock shippingEstimate } }", null),
                op("requires behind a boundary", "{ latestReviews { product { name shippingEstimate } } }", null),
                op("provides", "{ latestReviews { author { username } } }", null),
                op("override", "{ latestReviews { author { email } } users { email } }", null),
                op("union", "{ search(term: \"a\") { __typename ... on Product { name reviewCount } ... on Book { title reviews { body } } ... on Movie { minutes } } }", null),
                op("interface", "{ media { __typename id title ... on Book { pages reviews { author { name } } } ... on Movie { minutes } } }", null),
                op("aliases and fragments", "query Q { first: topProducts(first: 1) { ...F } all: topProducts { n: name ...F } } fragment F on Product { upc reviews { b: body } }", null),
                op("variables and conditions", "query Q($n: Int, $r: Boolean!, $s: Boolean = true) { topProducts(first: $n) { name @skip(if: $s) reviews @include(if: $r) { body } } }",
                        Map.of("n", 2, "r", true)),
                op("typename", "{ __typename me { __typename id } media { __typename } }", null),
                op("error in one field", "{ product(upc: \"1\") { name reviews { id flaky } } }", null),
                op("error in a non-null field", "{ me { name } product(upc: \"2\") { name reviews { strict } } }", null),
                op("error in a non-null list item", "{ latestReviews { id strict } }", null),
                op("nullable entity", "{ latestReviews { id product { name } } }", null));
    }

    private static Arguments op(String name, String query, Map<String, Object> variables) {
        return Arguments.of(name, query, variables);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void sameAnswerAsApolloGateway(String name, String query, Map<String, Object> variables) {
        JsonNode ours = tree(GraphQLTestClient.post(query, variables, null).asString());
        JsonNode theirs = GraphQLTestClient.postTo(referenceUrl + "/graphql", query, variables);
        assertTrue(theirs.has("data"), "reference answered " + theirs);
        assertEquals(theirs.get("data"), ours.get("data"), name + ": data");
        assertEquals(errorPaths(theirs), errorPaths(ours), name + ": error paths; ours " + ours.get("errors") + " theirs " + theirs.get("errors"));
    }

    private static List<String> errorPaths(JsonNode response) {
        List<String> paths = new ArrayList<>();
        if (response.get("errors") != null) {
            response.get("errors").forEach(e -> paths.add(String.valueOf(e.get("path"))));
        }
        paths.sort(null);
        return paths;
    }
}
