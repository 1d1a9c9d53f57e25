package io.newsgraph.gateway.e2e;

import static io.newsgraph.gateway.e2e.PersistedQueriesTest.post;
import static io.newsgraph.gateway.e2e.PersistedQueriesTest.sha256;
import static io.newsgraph.gateway.e2e.PersistedQueriesTest.tree;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsgraph.gateway.GraphQLTestClient;
import io.newsgraph.gateway.SubgraphsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Safelist mode through the real gateway: the manifest's operations run by id or in full, nothing else does. */
@QuarkusTest
@TestProfile(SafelistTest.Listed.class)
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class SafelistTest {

    static final String LISTED = "query TopNames { topProducts(first: 2) { name } }";

    public static class Listed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsgraph.gateway.persisted-queries.safelist.enabled", "true",
                    "newsgraph.gateway.persisted-queries.safelist.manifest", "classpath:persisted/manifest.json");
        }
    }

    @BeforeEach
    void needsSubgraphs() {
        Assumptions.assumeTrue(SubgraphsResource.urls() != null, "node is not installed");
    }

    @Test
    void aListedOperationRunsByIdAndInFull() throws Exception {
        JsonNode byId = tree(post(null, sha256(LISTED)));
        assertEquals(2, byId.at("/data/topProducts").size(), byId.toString());
        JsonNode inFull = GraphQLTestClient.query("query TopNames {\n  topProducts(first: 2) { name }\n}");
        assertEquals(byId.get("data"), inFull.get("data"), inFull.toString());
    }

    @Test
    void anythingElseIsRefusedAndCannotBeRegistered() throws Exception {
        String other = "{ topProducts(first: 5) { name } }";
        Response freeform = GraphQLTestClient.post(other, null, null);
        assertEquals(403, freeform.statusCode());
        assertEquals("QUERY_NOT_IN_SAFELIST", tree(freeform).at("/errors/0/extensions/code").asText());

        Response register = post(other, sha256(other));
        assertEquals(403, register.statusCode());
        assertEquals("QUERY_NOT_IN_SAFELIST", tree(register).at("/errors/0/extensions/code").asText());

        Response byId = post(null, sha256(other));
        assertEquals(404, byId.statusCode());
        assertEquals("PERSISTED_QUERY_NOT_IN_LIST", tree(byId).at("/errors/0/extensions/code").asText());
    }

    @Test
    void introspectionStillWorksWhereItIsOn() {
        JsonNode r = GraphQLTestClient.query("{ __schema { queryType { name } } }");
        assertEquals("Query", r.at("/data/__schema/queryType/name").asText(), r.toString());
    }
}
