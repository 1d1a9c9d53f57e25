package io.newsgraph.gateway.e2e;

import static io.newsgraph.gateway.GraphQLTestClient.post;
import static io.newsgraph.gateway.GraphQLTestClient.query;
import static io.newsgraph.gateway.GraphQLTestClient.tree;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsgraph.gateway.GraphQLTestClient;
import io.newsgraph.gateway.SubgraphsResource;
import io.newsgraph.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway over four real subgraphs (Node HTTP servers), through its HTTP endpoint. */
@QuarkusTest
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class GatewayEndToEndTest {

    @BeforeEach
    void needsSubgraphs() {
        Assumptions.assumeTrue(SubgraphsResource.urls() != null, "node is not installed");
    }

    private static String stats(String subgraph) {
        return SubgraphsResource.urls().get(subgraph).replace("/graphql", "/stats");
    }

    private static JsonNode json(String text) {
        return tree(text);
    }

    @Test
    void crossesOneEntityBoundary() {
        JsonNode r = query("{ topProducts(first: 2) { name reviews { body } } }");
        assertEquals(json("""
                {"data":{"topProducts":[{"name":"Table","reviews":[{"body":"Love it"},{"body":"Too expensive"}]},
                {"name":"Couch","reviews":[{"body":"Could be better"}]}]}}"""), r);
    }

    @Test
    void answersInSelectionOrderWithAliasesAndWithoutInternalKeys() {
        String body = post("{ p: product(upc: \"3\") { reviewCount label: name ... on Product { upc } } }", null, null).asString();
        assertEquals("{\"data\":{\"p\":{\"reviewCount\":1,\"label\":\"Chair\",\"upc\":\"3\"}}}", body);
        String noKeys = post("{ product(upc: \"1\") { reviewCount } }", null, null).asString();
        assertEquals("{\"data\":{\"product\":{\"reviewCount\":2}}}", noKeys);
    }

    @Test
    void nestsBoundariesThreeLevelsDeep() {
        JsonNode r = query("{ product(upc: \"2\") { name reviews { author { name reviews { body product { name inStock } } } } } }");
        assertEquals(json("""
                {"data":{"product":{"name":"Couch","reviews":[{"author":{"name":"Ada Lovelace","reviews":[
                {"body":"Love it","product":{"name":"Table","inStock":true}},
                {"body":"Could be better","product":{"name":"Couch","inStock":false}},
                {"body":"A classic","product":null}]}}]}}}"""), r);
    }

    @Test
    void requiresSendsTheRequiredFieldsInTheRepresentation() {
        JsonNode r = query("{ topProducts { upc shippingEstimate } }");
        assertEquals(json("""
                {"data":{"topProducts":[{"upc":"1","shippingEstimate":50},{"upc":"2","shippingEstimate":0},{"upc":"3","shippingEstimate":25}]}}"""), r);
    }

    @Test
    void providesAndOverrideAreHonoured() {
        GraphQLTestClient.postEmpty(stats("accounts"));
        JsonNode provided = query("{ latestReviews { author { username } } }");
        assertEquals("@ada", provided.at("/data/latestReviews/0/author/username").asText());
        assertEquals(0, GraphQLTestClient.get(stats("accounts")).get("requests").asInt(), "username was provided by reviews");
        JsonNode overridden = query("{ latestReviews { author { email } } }");
        assertEquals("ada@example.org", overridden.at("/data/latestReviews/0/author/email").asText());
    }

    @Test
    void batchesAndDeduplicatesRepresentations() {
        GraphQLTestClient.postEmpty(stats("accounts"));
        JsonNode r = query("{ latestReviews { author { name } } }");
        assertEquals(5, r.at("/data/latestReviews").size());
        assertEquals("Alan Turing", r.at("/data/latestReviews/1/author/name").asText());
        JsonNode s = GraphQLTestClient.get(stats("accounts"));
        assertEquals(1, s.get("requests").asInt(), "one _entities request for the boundary");
        assertEquals(2, s.at("/entityBatches/0").size(), "five reviews by two users: two representations");
    }

    @Test
    void interfacesAndUnionsAcrossSubgraphs() {
        JsonNode r = query("""
                { search(term: "a") { __typename ... on Product { name reviewCount } ... on Book { title reviews { body } } ... on Movie { minutes } }
                  media { ... on Book { title } ... on Movie { title minutes } } }""");
        assertEquals(json("""
                {"data":{"search":[{"__typename":"Product","name":"Table","reviewCount":2},{"__typename":"Product","name":"Chair","reviewCount":1},
                {"__typename":"Movie","minutes":117}],
                "media":[{"title":"Dune"},{"title":"Alien","minutes":117}]}}"""), r);
        JsonNode books = query("{ search(term: \"dune\") { ... on Media { id title } ... on Book { reviews { body } } } }");
        assertEquals(json("{\"data\":{\"search\":[{\"id\":\"b1\",\"title\":\"Dune\",\"reviews\":[{\"body\":\"A classic\"}]}]}}"), books);
    }

    @Test
    void variablesFragmentsAndConditions() {
        String q = """
                query Q($n: Int, $withReviews: Boolean!, $skipName: Boolean = false) {
                  topProducts(first: $n) { ...P reviews @include(if: $withReviews) { body } }
                }
                fragment P on Product { upc name @skip(if: $skipName) }""";
        JsonNode with = query(q, Map.of("n", 1, "withReviews", true));
        assertEquals(json("{\"data\":{\"topProducts\":[{\"upc\":\"1\",\"name\":\"Table\",\"reviews\":[{\"body\":\"Love it\"},{\"body\":\"Too expensive\"}]}]}}"), with);
        JsonNode without = query(q, Map.of("n", 1, "withReviews", false, "skipName", true));
        assertEquals(json("{\"data\":{\"topProducts\":[{\"upc\":\"1\"}]}}"), without);
    }

    @Test
    void typenameEverywhere() {
        JsonNode r = query("{ __typename product(upc: \"1\") { __typename t: __typename } }");
        assertEquals(json("{\"data\":{\"__typename\":\"Query\",\"product\":{\"__typename\":\"Product\",\"t\":\"Product\"}}}"), r);
    }

    @Test
    void subgraphErrorsAreMappedToClientPaths() {
        JsonNode r = query("{ product(upc: \"1\") { reviews { id flaky } } }");
        assertEquals(json("[{\"id\":\"r1\",\"flaky\":\"ok r1\"},{\"id\":\"r2\",\"flaky\":null}]"), r.at("/data/product/reviews"));
        assertEquals(1, r.get("errors").size());
        JsonNode e = r.get("errors").get(0);
        assertEquals("flaky failed for r2", e.get("message").asText());
        assertEquals(json("[\"product\",\"reviews\",1,\"flaky\"]"), e.get("path"));
        assertEquals("FLAKY", e.at("/extensions/code").asText());
        assertEquals("reviews", e.at("/extensions/serviceName").asText());
    }

    @Test
    void nullsPropagateToTheNearestNullableParent() {
        JsonNode r = query("{ product(upc: \"2\") { name reviews { strict } } }");
        assertTrue(r.at("/data/product").isNull(), r.toString());
        assertEquals(json("[\"product\",\"reviews\",0,\"strict\"]"), r.at("/errors/0/path"));
        JsonNode other = query("{ me { name } product(upc: \"2\") { reviews { strict } } }");
        assertEquals("Ada Lovelace", other.at("/data/me/name").asText(), "the other subgraph still answers");
    }

    @Test
    void forwardsAuthorizationAndTraceparent() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String token = TestTokens.shared().token("reader"); // the gateway verifies it before it forwards it
        post("{ me { name } }", null, Map.of("Authorization", "Bearer " + token, "traceparent", traceparent)).then().statusCode(200);
        JsonNode s = GraphQLTestClient.get(stats("accounts"));
        assertEquals("Bearer " + token, s.at("/lastHeaders/authorization").asText());
        assertEquals(traceparent, s.at("/lastHeaders/traceparent").asText());
    }

    @Test
    void inaccessibleFieldsAreNotInTheApiSchema() {
        JsonNode r = tree(post("{ product(upc: \"1\") { internalCode } }", null, null).then().statusCode(400).extract().asString());
        assertEquals("GRAPHQL_VALIDATION_FAILED", r.at("/errors/0/extensions/code").asText());
        JsonNode fields = query("{ __type(name: \"Product\") { fields { name } } }").at("/data/__type/fields");
        assertFalse(fields.toString().contains("internalCode"), fields.toString());
        assertTrue(fields.toString().contains("shippingEstimate"), fields.toString());
    }

    @Test
    void introspectionMixesWithData() {
        JsonNode r = query("{ __schema { queryType { name } } me { name } }");
        assertEquals(json("{\"data\":{\"__schema\":{\"queryType\":{\"name\":\"Query\"}},\"me\":{\"name\":\"Ada Lovelace\"}}}"), r);
        JsonNode types = query("{ __schema { types { name } } }");
        assertFalse(types.toString().contains("join__"), "join elements are removed");
        assertFalse(types.toString().contains("link__"), "link elements are removed");
    }

    @Test
    void queryPlanOnRequest() {
        JsonNode r = tree(post("{ topProducts { reviews { body } } }", null, Map.of("Apollo-Query-Plan-Experimental", "1")).asString());
        JsonNode plan = r.at("/extensions/queryPlan");
        assertEquals("QueryPlan", plan.get("kind").asText());
        assertEquals("Sequence", plan.at("/node/kind").asText());
        assertEquals("Flatten", plan.at("/node/nodes/1/kind").asText());
        assertEquals("reviews", plan.at("/node/nodes/1/node/serviceName").asText());
        JsonNode none = query("{ topProducts { reviews { body } } }");
        assertTrue(none.get("extensions") == null, "no plan unless asked");
    }

    @Test
    void getServesQueries() {
        String body = given().header("apollo-require-preflight", "true").queryParam("query", "{ me { name } }").get("/graphql").then().statusCode(200).extract().asString();
        assertEquals("{\"data\":{\"me\":{\"name\":\"Ada Lovelace\"}}}", body);
    }

    @Test
    void rejectsBadInputWithStableCodes() {
        assertCode(given().contentType("application/json").body("{not json").post("/graphql").then().statusCode(400).extract().asString(),
                "MALFORMED_JSON");
        assertCode(post("{ topProducts { ", null, null).then().statusCode(400).extract().asString(), "GRAPHQL_PARSE_FAILED");
        assertCode(post("{ nope }", null, null).then().statusCode(400).extract().asString(), "GRAPHQL_VALIDATION_FAILED");
        String deep = "{ me {" + " reviews { author {".repeat(17) + " name" + " } }".repeat(17) + " } }";
        String body = post(deep, null, null).then().statusCode(400).extract().asString();
        assertCode(body, "MAX_DEPTH_EXCEEDED");
        assertTrue(tree(body).at("/errors/0/message").asText().contains("max-depth"), body);
        StringBuilder aliases = new StringBuilder("{");
        for (int i = 0; i < 101; i++) {
            aliases.append(" a").append(i).append(": __typename");
        }
        assertCode(post(aliases.append(" }").toString(), null, null).then().statusCode(400).extract().asString(), "MAX_ALIASES_EXCEEDED");
        String missing = post("query($upc: String!) { product(upc: $upc) { name } }", Map.of(), null).then().statusCode(400).extract().asString();
        assertCode(missing, "BAD_USER_INPUT");
        assertTrue(missing.contains("upc"), missing);
        assertCode(post("query($n: Int) { topProducts(first: $n) { name } }", Map.of("n", "many"), null).then().statusCode(400).extract().asString(),
                "BAD_USER_INPUT");
        assertCode(post("{ __typename }" + " ".repeat(70_000), null, null).then().statusCode(400).extract().asString(), "MAX_DOCUMENT_SIZE_EXCEEDED");
    }

    private static void assertCode(String body, String code) {
        JsonNode r = tree(body);
        assertEquals(code, r.at("/errors/0/extensions/code").asText(), body);
        assertFalse(body.contains("Exception"), "no internals: " + body);
    }

    @Test
    void reloadsTheSupergraphWhenItsFileChanges() throws Exception {
        java.nio.file.Path file = SubgraphsResource.supergraph();
        String original = java.nio.file.Files.readString(file);
        String query = "{ product(upc: \"1\") { weight } }";
        assertEquals(200, post(query, null, null).statusCode());
        try {
            java.nio.file.Files.writeString(file, original.replace("weight: Int! @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)",
                    "weight: Int! @inaccessible @join__field(graph: INVENTORY, external: true) @join__field(graph: PRODUCTS)"));
            assertTrue(eventually(() -> post(query, null, null).statusCode() == 400), "the new supergraph hides weight");
        } finally {
            java.nio.file.Files.writeString(file, original);
        }
        assertTrue(eventually(() -> post(query, null, null).statusCode() == 200), "the restored supergraph serves weight again");
    }

    private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    @Test
    void readyAndMeasured() {
        given().get("/q/health/ready").then().statusCode(200);
        query("query Measured { me { name } }");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("graphql_operation_seconds_count{operation=\"Measured\""), "operation metric");
        assertTrue(metrics.contains("graphql_subgraph_fetch_seconds_count{outcome=\"success\",subgraph=\"accounts\""), "fetch metric");
    }

}
