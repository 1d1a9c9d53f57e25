package io.newsgraph.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsgraph.gateway.GraphQLTestClient;
import io.newsgraph.gateway.SubgraphsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** The browser rules and the cost limit at the packaged HTTP edge: CORS, CSRF, content encoding, cost. */
@QuarkusTest
@TestProfile(EdgeTest.AllowedOrigin.class)
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class EdgeTest {

    static final String ALLOWED = "https://app.example.org";
    static final String BODY = "{\"query\":\"{ __typename }\"}";

    public static class AllowedOrigin implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.origins", ALLOWED);
        }
    }

    private static String code(Response r) {
        return GraphQLTestClient.tree(r.asString()).at("/errors/0/extensions/code").asText();
    }

    @Test
    void preflightFromAnAllowedOriginIsAnswered() {
        Response r = given().header("Origin", ALLOWED).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,authorization").options("/graphql");
        assertEquals(200, r.statusCode());
        assertEquals(ALLOWED, r.header("Access-Control-Allow-Origin"));
        assertTrue(r.header("Access-Control-Allow-Methods").contains("POST"), r.headers().toString());
        assertTrue(r.header("Access-Control-Allow-Headers").toLowerCase().contains("authorization"), r.headers().toString());
        Response post = given().header("Origin", ALLOWED).contentType("application/json").body(BODY).post("/graphql");
        assertEquals(200, post.statusCode());
        assertEquals(ALLOWED, post.header("Access-Control-Allow-Origin"));
    }

    @Test
    void preflightAndRequestsFromOtherOriginsAreRefused() {
        Response r = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type").options("/graphql");
        assertEquals(403, r.statusCode());
        assertNull(r.header("Access-Control-Allow-Origin"));
        Response post = given().header("Origin", "https://evil.example").contentType("application/json").body(BODY).post("/graphql");
        assertEquals(403, post.statusCode());
        assertNull(post.header("Access-Control-Allow-Origin"));
    }

    @Test
    void theGatewaysOwnPageIsSameOrigin() {
        int port = io.restassured.RestAssured.port;
        Response post = given().header("Origin", "http://localhost:" + port).contentType("application/json").body(BODY).post("/graphql");
        assertEquals(200, post.statusCode(), post.asString());
        given().get("/graphiql").then().statusCode(200);
    }

    /** A raw POST (rest-assured insists on encoding multipart bodies itself). */
    private static java.net.http.HttpResponse<String> rawPost(String contentType) throws Exception {
        var b = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/graphql"))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(BODY));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void eachRequestABrowserCouldSendCrossSiteIsRefused() throws Exception {
        for (String type : new String[] {"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", null}) {
            var r = rawPost(type);
            assertEquals(400, r.statusCode(), type);
            assertEquals("CSRF_ERROR", GraphQLTestClient.tree(r.body()).at("/errors/0/extensions/code").asText(), type);
        }
        Response get = given().queryParam("query", "{ __typename }").get("/graphql");
        assertEquals(400, get.statusCode());
        assertEquals("CSRF_ERROR", code(get));
    }

    @Test
    void aRequiredHeaderOrAPreflightedContentTypeLetsTheRequestThrough() {
        given().header("apollo-require-preflight", "true").queryParam("query", "{ __typename }").get("/graphql").then().statusCode(200);
        given().header("x-apollo-operation-name", "Q").header("Content-Type", "text/plain").body(BODY).post("/graphql").then().statusCode(200);
        given().contentType("application/json").body(BODY).post("/graphql").then().statusCode(200);
        // the GraphiQL page itself is no operation
        given().header("Accept", "text/html").get("/graphql").then().statusCode(200);
    }

    @Test
    void compressedBodiesAreRefused() {
        for (String encoding : new String[] {"gzip", "deflate", "br", "x-unknown"}) {
            Response r = given().contentType("application/json").header("Content-Encoding", encoding).body(new byte[] {0x1f, (byte) 0x8b, 8, 0})
                    .post("/graphql");
            assertEquals(415, r.statusCode(), encoding);
            assertEquals("UNSUPPORTED_CONTENT_ENCODING", code(r));
        }
    }

    @Test
    void anOperationOverTheCostLimitIsRefusedBeforePlanning() {
        String bomb = "{ topProducts(first: 100) { reviews { author { reviews { author { reviews { author { name } } } } } } } }";
        Response r = GraphQLTestClient.post(bomb, null, null);
        assertEquals(400, r.statusCode());
        JsonNode e = GraphQLTestClient.tree(r.asString()).at("/errors/0");
        assertEquals("COST_ESTIMATED_TOO_EXPENSIVE", e.at("/extensions/code").asText());
        assertEquals(10000, e.at("/extensions/cost/max").asLong());
        assertTrue(e.at("/extensions/cost/estimated").asDouble() > 10000, e.toString());
        assertTrue(e.get("message").asText().contains("exceeded configured maximum 10000"), e.toString());
    }

    @Test
    void estimatedAndActualCostAreReportedWhenAsked() {
        Assumptions.assumeTrue(SubgraphsResource.urls() != null, "node is not installed");
        String q = "{ topProducts(first: 2) { name reviews { body } } }";
        JsonNode asked = GraphQLTestClient.tree(GraphQLTestClient.post(q, null, Map.of("Newsgraph-Cost", "1")).asString());
        // 2 products, each with an assumed 20 reviews; returned: 2 products and 3 reviews
        assertEquals(2 * (1 + 20), asked.at("/extensions/cost/estimated").asLong(), asked.toString());
        assertEquals(5, asked.at("/extensions/cost/actual").asLong(), asked.toString());
        JsonNode plain = GraphQLTestClient.tree(GraphQLTestClient.post(q, null, null).asString());
        assertTrue(plain.get("extensions") == null, "no cost unless asked");
    }
}
