package io.newsgraph.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsgraph.gateway.GraphQLTestClient;
import io.newsgraph.gateway.SubgraphsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Automatic persisted queries through the real gateway over the test subgraphs, as Apollo Client's persisted-queries
 * link plays them: hash only, a miss, the text with its hash, then hash only again, by POST and by GET.
 */
@QuarkusTest
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class PersistedQueriesTest {

    @BeforeEach
    void needsSubgraphs() {
        Assumptions.assumeTrue(SubgraphsResource.urls() != null, "node is not installed");
    }

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static Map<String, Object> ext(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    static Response post(String query, String hash) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (query != null) {
            body.put("query", query);
        }
        body.put("extensions", ext(hash));
        return given().contentType("application/json").body(body).post("/graphql");
    }

    static Response get(String hash, Map<String, Object> variables) throws Exception {
        var spec = given().header("apollo-require-preflight", "true")
                .queryParam("extensions", GraphQLTestClient.JSON.writeValueAsString(ext(hash)));
        if (variables != null) {
            spec = spec.queryParam("variables", GraphQLTestClient.JSON.writeValueAsString(variables));
        }
        return spec.get("/graphql");
    }

    static JsonNode tree(Response r) {
        return GraphQLTestClient.tree(r.asString());
    }

    private static int productRequests() {
        String stats = SubgraphsResource.urls().get("products").replace("/graphql", "/stats");
        return GraphQLTestClient.get(stats).get("requests").asInt();
    }

    @Test
    void aMissIsAnsweredThenTheRegisteredDocumentRunsByHash() throws Exception {
        String q = "query Names { topProducts(first: 2) { name } }";
        String hash = sha256(q);
        int before = productRequests();
        Response miss = post(null, hash);
        assertEquals(200, miss.statusCode(), miss.asString());
        assertEquals("PERSISTED_QUERY_NOT_FOUND", tree(miss).at("/errors/0/extensions/code").asText());
        assertEquals("PersistedQueryNotFound", tree(miss).at("/errors/0/message").asText());
        assertEquals("private, no-cache, must-revalidate", miss.header("cache-control"));
        assertEquals(before, productRequests(), "a miss calls no subgraph");

        JsonNode registered = tree(post(q, hash));
        assertEquals(2, registered.at("/data/topProducts").size(), registered.toString());

        JsonNode byHash = tree(post(null, hash));
        assertEquals(registered.get("data"), byHash.get("data"));
        JsonNode byGet = tree(get(hash, null));
        assertEquals(registered.get("data"), byGet.get("data"), byGet.toString());
    }

    @Test
    void aGetByHashCarriesVariablesAndIsCacheableOnlyWhenItSucceeds() throws Exception {
        String q = "query One($n: Int) { topProducts(first: $n) { name } }";
        String hash = sha256(q);
        Response miss = get(hash, Map.of("n", 1));
        assertEquals("PERSISTED_QUERY_NOT_FOUND", tree(miss).at("/errors/0/extensions/code").asText());
        assertEquals("private, no-cache, must-revalidate", miss.header("cache-control"));
        post(q, hash).then().statusCode(200);
        Response hit = get(hash, Map.of("n", 1));
        assertEquals(1, tree(hit).at("/data/topProducts").size(), hit.asString());
        assertEquals(null, hit.header("cache-control"));
    }

    @Test
    void aTextThatDoesNotMatchItsHashIsRefusedAndNotRegistered() throws Exception {
        String hash = sha256("{ topProducts(first: 1) { name } }");
        Response r = post("{ me { name } }", hash);
        assertEquals(400, r.statusCode());
        assertEquals("PERSISTED_QUERY_HASH_MISMATCH", tree(r).at("/errors/0/extensions/code").asText());
        assertEquals("PERSISTED_QUERY_NOT_FOUND", tree(post(null, hash)).at("/errors/0/extensions/code").asText());
    }

    @Test
    void anInvalidDocumentIsNotRegistered() throws Exception {
        String q = "{ topProducts(first: 1) { nope } }";
        String hash = sha256(q);
        Response r = post(q, hash);
        assertEquals(400, r.statusCode());
        assertEquals("GRAPHQL_VALIDATION_FAILED", tree(r).at("/errors/0/extensions/code").asText());
        assertEquals("PERSISTED_QUERY_NOT_FOUND", tree(post(null, hash)).at("/errors/0/extensions/code").asText());
    }

    @Test
    void persistedOperationsPassTheSameLimits() throws Exception {
        String bomb = "{ topProducts(first: 100) { reviews { author { reviews { author { reviews { author { name } } } } } } } }";
        Response r = post(bomb, sha256(bomb));
        assertEquals(400, r.statusCode());
        assertEquals("COST_ESTIMATED_TOO_EXPENSIVE", tree(r).at("/errors/0/extensions/code").asText());
        // a GET by hash is a simple request too: the CSRF rule applies
        Response csrf = given().queryParam("extensions", GraphQLTestClient.JSON.writeValueAsString(ext(sha256(bomb)))).get("/graphql");
        assertEquals(400, csrf.statusCode());
        assertEquals("CSRF_ERROR", tree(csrf).at("/errors/0/extensions/code").asText());
        assertTrue(tree(post(null, "zz")).at("/errors/0/message").asText().contains("sha256Hash"));
    }
}
