package io.newsgraph.entities;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.Db;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.ClientVisible;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subgraph's own limits: the fan-out bomb that once ran this service out of heap, a fragment-reuse bomb, an alias
 * bomb, a representation bomb and a too-large page are refused before anything is fetched, with their codes; values
 * the schema rejects answer without internals; the service answers normally right after.
 */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class GraphQLLimitsTest {

    @Inject
    Db db;

    private static String entityId;

    @BeforeEach
    void articles() {
        if (entityId != null) {
            return;
        }
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Ines Varga-Holt");
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Tidewater Council");
        ScriptedPipeline.define(EntityType.LOCATION, "Marrow Sound");
        for (int i = 0; i < 3; i++) {
            Api.put("lim-" + UUID.randomUUID(), 1, null,
                    "Ines Varga-Holt of the Tidewater Council visited Marrow Sound.").then().statusCode(200);
        }
        entityId = String.valueOf(db.number("SELECT id FROM entity WHERE name = 'Ines Varga-Holt'"));
    }

    static String related(int levels, int first) {
        return "{ entity(id: \"ID\") { " + ("related(first: " + first + ") { edges { node { ").repeat(levels) + "name"
                + " } } }".repeat(levels) + " } }";
    }

    JsonPath refused(String query, String code) {
        JsonPath r = Api.graphql(query.replace("ID", entityId));
        assertNull(r.get("data.entity"), r::prettify);
        assertEquals(code, r.getString("errors[0].extensions.code"), r::prettify);
        assertClean(r);
        assertNormalQueryAnswers();
        return r;
    }

    static void assertClean(JsonPath r) {
        List<Map<String, Object>> errors = r.getList("errors");
        assertNotNull(errors, r::prettify);
        for (int i = 0; i < errors.size(); i++) {
            ClientVisible.assertNoInternals(r.getString("errors[" + i + "].message"));
            ClientVisible.assertNoInternals(r.getString("errors[" + i + "].extensions.code"));
        }
    }

    void assertNormalQueryAnswers() {
        JsonPath r = Api.graphql(related(2, 10).replace("ID", entityId));
        assertNull(r.get("errors"), r::prettify);
        assertEquals("Ines Varga-Holt", r.getString("data.entity.related.edges[0].node.related.edges[0].node.name"), r::prettify);
    }

    @Test
    void theFanOutBombIsRefusedBeforeItRuns() {
        refused(related(14, 100), "MAX_DEPTH_EXCEEDED");
        // four levels (edges and node make each three deep) stay within the depth limit and are refused for their cost
        JsonPath r = refused(related(4, 100), "COST_ESTIMATED_TOO_EXPENSIVE");
        assertTrue(r.getString("errors[0].message").contains("limit is 200000"), r::prettify);
        // three levels of 100 are already a million objects
        refused(related(3, 100), "COST_ESTIMATED_TOO_EXPENSIVE");
    }

    @Test
    void aFragmentReuseBombIsCountedWithEveryUse() {
        // four levels (each three deep: related, edges, node) stay within the depth limit
        StringBuilder q = new StringBuilder("{ entity(id: \"ID\") { ...F4 } } fragment F0 on Entity { name }");
        for (int i = 1; i <= 4; i++) {
            q.append(" fragment F").append(i).append(" on Entity { a: related(first: 20) { edges { node { ...F").append(i - 1)
                    .append(" } } } b: related(first: 20) { edges { node { ...F").append(i - 1).append(" } } } }");
        }
        refused(q.toString(), "COST_ESTIMATED_TOO_EXPENSIVE");
    }

    @Test
    void anAliasBombIsRefused() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            q.append(" e").append(i).append(": entity(id: \"ID\") { name }");
        }
        refused(q.append(" }").toString(), "MAX_ALIASES_EXCEEDED");
    }

    @Test
    void tooManyRepresentationsAreRefused() {
        List<Map<String, Object>> reps = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            reps.add(Map.of("__typename", "Entity", "id", String.valueOf(i)));
        }
        JsonPath r = Api.graphql("query($r: [_Any!]!) { _entities(representations: $r) { ... on Entity { name } } }",
                Map.of("r", reps));
        assertNull(r.get("data._entities"), r::prettify);
        assertEquals("MAX_REPRESENTATIONS_EXCEEDED", r.getString("errors[0].extensions.code"), r::prettify);
        assertNormalQueryAnswers();
    }

    @Test
    void tooLargeAPageIsRefused() {
        JsonPath r = Api.graphql("query($n: Int) { entities(first: $n) { edges { cursor } } }", Map.of("n", 1000));
        assertEquals("MAX_PAGE_SIZE_EXCEEDED", r.getString("errors[0].extensions.code"), r::prettify);
        refused("{ entity(id: \"ID\") { related(first: 500) { edges { articleCount } } } }", "MAX_PAGE_SIZE_EXCEEDED");
    }

    @Test
    void valuesTheSchemaRejectsAnswerWithoutInternals() {
        for (String q : List.of(
                "{ entities(filter: { type: NOPE }) { edges { cursor } } }",
                "{ entities(filter: \"x\") { edges { cursor } } }",
                "{ entities(filter: { nope: 1 }) { edges { cursor } } }",
                "{ searchEntities(query: \"Ines\", type: \"PERSON\") { edges { node { name } } } }",
                "{ entity(id: { a: 1 }) { name } }",
                "{ entity(id: \"ID\") { articles(first: \"ten\") { totalCount } } }",
                "{ _entities(representations: [\"x\"]) { __typename } }",
                "{ _entities(representations: [{ __typename: \"Nope\", id: \"1\" }]) { __typename } }")) {
            assertClean(Api.graphql(q.replace("ID", entityId)));
        }
        for (Object filter : List.of("x", 5, List.of(1), Map.of("type", "NOPE"), Map.of("countryCode", Map.of()))) {
            assertClean(Api.graphql("query($f: EntityFilter) { entities(filter: $f) { edges { cursor } } }",
                    Map.of("f", filter)));
        }
        for (Object salience : List.of("high", List.of(), Map.of())) {
            assertClean(Api.graphql("query($id: String!, $s: Float) { _entities(representations: [{__typename: \"Article\", id: $id}]) { ... on Article { entities(minSalience: $s) { salience } } } }",
                    Map.of("id", "a", "s", salience)));
        }
        assertNormalQueryAnswers();
    }

    @Test
    void aNonJsonBodyAnswersWithoutInternals() {
        JsonPath r = given().contentType("application/json").body("{\"query\": ").when().post("/graphql")
                .then().extract().jsonPath();
        assertClean(r);
    }
}
