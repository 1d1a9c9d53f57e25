package io.newsgraph.gateway.e2e;

import static io.newsgraph.gateway.GraphQLTestClient.post;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * The gateway's own check, over real subgraphs, with anonymous reads off: what it refuses never reaches a subgraph,
 * what it lets through carries the caller's token on. (Mutations are covered by the system tests: this supergraph
 * has none.)
 */
@QuarkusTest
@TestProfile(GatewayAccessTest.ReadersOnly.class)
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class GatewayAccessTest {

    public static class ReadersOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsgraph.security.anonymous-read", "false");
        }
    }

    static final String QUERY = "{ topProducts(first: 1) { name } }";
    static final TestTokens TOKENS = TestTokens.shared();

    @BeforeEach
    void needsSubgraphs() {
        Assumptions.assumeTrue(SubgraphsResource.urls() != null, "node is not installed");
        GraphQLTestClient.postEmpty(stats());
    }

    private static String stats() {
        return SubgraphsResource.urls().get("products").replace("/graphql", "/stats");
    }

    private static Response as(String token) {
        return post(QUERY, null, token == null ? null : Map.of("Authorization", "Bearer " + token));
    }

    @Test
    void refusalsCallNoSubgraph() {
        assertRefused(as(null), 401, "UNAUTHENTICATED");
        assertRefused(as(TOKENS.token()), 403, "FORBIDDEN");
        for (String bad : TOKENS.invalid("reader").values()) {
            assertRefused(as(bad), 401, "UNAUTHENTICATED");
        }
        assertEquals(0, GraphQLTestClient.get(stats()).get("requests").asInt());
    }

    @Test
    void aReaderQueriesAndItsTokenTravelsOn() {
        String token = TOKENS.token("reader");
        Response r = as(token);
        assertEquals(200, r.statusCode(), r.asString());
        assertEquals("Table", GraphQLTestClient.tree(r.asString()).at("/data/topProducts/0/name").asText());
        JsonNode s = GraphQLTestClient.get(stats());
        assertEquals(1, s.get("requests").asInt());
        assertEquals("Bearer " + token, s.at("/lastHeaders/authorization").asText());
    }

    private static void assertRefused(Response r, int status, String code) {
        assertEquals(status, r.statusCode(), r.asString());
        JsonNode body = GraphQLTestClient.tree(r.asString());
        assertEquals(code, body.at("/errors/0/extensions/code").asText(), r.asString());
        assertEquals(true, body.at("/data").isMissingNode(), "no data");
    }
}
