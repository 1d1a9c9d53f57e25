package io.newsgraph.articles.graphql;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.ClientVisible;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The endpoint's own limits refuse hostile operations before they run; bad values answer without internals. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class GraphQLLimitsTest {

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    static void assertRefused(JsonPath r, String code) {
        assertNull(r.get("data.articles"), r::prettify);
        assertEquals(code, r.getString("errors[0].extensions.code"), r::prettify);
        assertClean(r);
    }

    static void assertClean(JsonPath r) {
        List<Map<String, Object>> errors = r.getList("errors");
        assertNotNull(errors, r::prettify);
        for (int i = 0; i < errors.size(); i++) {
            ClientVisible.assertNoInternals(r.getString("errors[" + i + "].message"));
            ClientVisible.assertNoInternals(r.getString("errors[" + i + "].extensions.code"));
        }
    }

    @Test
    void aNormalQueryRuns() {
        ArticleGraphQLTest.ingest("n1", ArticleSeed.TEXT);
        JsonPath r = GraphQLClient.query("{ articles(first: 100) { edges { node { id title keyPoints sections { heading paragraphs } } } } }");
        assertNull(r.get("errors"), r::prettify);
        assertEquals(1, r.getList("data.articles.edges").size());
    }

    @Test
    void tooLargeAPageIsRefusedBeforeItRuns() {
        assertRefused(GraphQLClient.query("{ articles(first: 101) { edges { node { id } } } }"), "MAX_PAGE_SIZE_EXCEEDED");
        assertRefused(GraphQLClient.query("query($n: Int) { articles(first: $n) { edges { node { id } } } }",
                Map.of("n", 5000), null), "MAX_PAGE_SIZE_EXCEEDED");
    }

    @Test
    void aFanOutOfPagesIsRefusedByItsEstimatedCost() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 80; i++) {
            q.append(" a").append(i).append(": articles(first: 100) { edges { node { id title body lede keyPoints sections { heading paragraphs } } } }");
        }
        JsonPath r = GraphQLClient.query(q.append(" }").toString());
        assertRefused(r, "COST_ESTIMATED_TOO_EXPENSIVE");
        assertTrue(r.getString("errors[0].message").contains("limit is 200000"), r::prettify);
    }

    @Test
    void aFragmentUsedEverywhereCountsEveryTime() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 80; i++) {
            q.append(" a").append(i).append(": articles(first: 100) { edges { node { ...All } } }");
        }
        q.append(" } fragment All on Article { id title body lede keyPoints sections { heading paragraphs } }");
        assertRefused(GraphQLClient.query(q.toString()), "COST_ESTIMATED_TOO_EXPENSIVE");
    }

    @Test
    void anAnswerOverTheByteBudgetIsOneErrorWithoutData() {
        // a 400 KB body asked for under 50 aliases: 20 MB of answer, over the default 16 MiB; few fields, low cost
        String id = ArticleGraphQLTest.ingest("big", "A long article\n\n" + "The harbour quay opens in spring. ".repeat(12_000));
        JsonPath one = GraphQLClient.query("{ article(id: \"" + id + "\") { body } }");
        assertNull(one.get("errors"), () -> String.valueOf(one.get("errors")));
        StringBuilder q = new StringBuilder("{ article(id: \"" + id + "\") {");
        for (int i = 0; i < 50; i++) {
            q.append(" b").append(i).append(": body");
        }
        JsonPath r = GraphQLClient.query(q.append(" } }").toString());
        assertNull(r.get("data.article"), "no partial answer");
        assertEquals("MAX_ANSWER_SIZE_EXCEEDED", r.getString("errors[0].extensions.code"));
        assertTrue(r.getString("errors[0].message").contains("16777216 bytes"), r.getString("errors[0].message"));
        assertClean(r);
    }

    @Test
    void tooManyAliasesAreRefused() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 150; i++) {
            q.append(" t").append(i).append(": __typename");
        }
        assertRefused(GraphQLClient.query(q.append(" }").toString()), "MAX_ALIASES_EXCEEDED");
    }

    @Test
    void tooDeepASelectionIsRefused() {
        String q = "{ __schema { types { fields { type { " + "ofType { ".repeat(12) + "name" + " }".repeat(12) + " } } } } }";
        assertRefused(GraphQLClient.query(q), "MAX_DEPTH_EXCEEDED");
    }

    @Test
    void tooManyRepresentationsAreRefused() {
        List<Map<String, Object>> reps = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            reps.add(Map.of("__typename", "Article", "id", "00000000-0000-0000-0000-" + String.format("%012d", i)));
        }
        JsonPath r = GraphQLClient.query("query($r: [_Any!]!) { _entities(representations: $r) { ... on Article { id } } }",
                Map.of("r", reps), null);
        assertNull(r.get("data._entities"), r::prettify);
        assertEquals("MAX_REPRESENTATIONS_EXCEEDED", r.getString("errors[0].extensions.code"), r::prettify);
    }

    @Test
    void aValueTheFilterRejectsAnswersWithoutClassNames() {
        for (String q : List.of(
                "{ articles(filter: \"x\") { edges { node { id } } } }",
                "{ articles(filter: { publishedFrom: \"not a date\" }) { edges { node { id } } } }",
                "{ articles(filter: { nope: 1 }) { edges { node { id } } } }",
                "{ articles(first: \"ten\") { edges { node { id } } } }")) {
            JsonPath r = GraphQLClient.query(q);
            assertClean(r);
        }
        for (Object filter : List.of("x", 5, List.of(1, 2), Map.of("publishedFrom", "yesterday"), Map.of("source", Map.of()))) {
            JsonPath r = GraphQLClient.query("query($f: ArticleFilter) { articles(filter: $f) { edges { node { id } } } }",
                    Map.of("f", filter), null);
            assertClean(r);
        }
    }
}
