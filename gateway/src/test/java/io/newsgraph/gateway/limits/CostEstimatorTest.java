package io.newsgraph.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.supergraph.Supergraph;
import io.newsgraph.gateway.supergraph.SupergraphParser;

/**
 * Cost estimates over real supergraphs: the suite's own (deploy/base/gateway), the gateway's test subgraphs, and one
 * composed by @apollo/composition from subgraphs that use {@code @cost} and {@code @listSize}.
 */
class CostEstimatorTest {

    static final Supergraph SUITE = SupergraphParser.parse(read(Path.of("../deploy/base/gateway/supergraph.graphql")));
    static final Supergraph DEMAND = SupergraphParser.parse(TestSupergraphs.resource("demand-control/supergraph.graphql"));

    static CostModel model(Supergraph s, Map<String, Integer> sizes) {
        return new CostModel(s.apiSchema(), s.costDirectives(), 10_000, 20, List.of("first", "last"), List.of("edges", "nodes"), sizes);
    }

    static double estimate(Supergraph s, String query, Map<String, Object> variables) {
        return estimate(model(s, Map.of()), query, variables);
    }

    static double estimate(CostModel model, String query, Map<String, Object> variables) {
        Document doc = Parser.parse(query);
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        OperationDefinition op = null;
        for (Definition<?> d : doc.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            } else if (d instanceof OperationDefinition o) {
                op = o;
            }
        }
        return CostEstimator.estimate(model, op, fragments, variables);
    }

    @Test
    void directivesOfTheCostSpecAreReadFromTheComposedSupergraph() {
        assertEquals(50.0, DEMAND.costDirectives().weight("Query.expensive"));
        assertEquals(2.0, DEMAND.costDirectives().weight("Author"));
        assertEquals(3.0, DEMAND.costDirectives().weight("Query.search(term)"));
        assertEquals(7, DEMAND.costDirectives().listSize("Query", "shelf").assumedSize());
        assertEquals(List.of("edges"), DEMAND.costDirectives().listSize("Query", "authors").sizedFields());
        assertTrue(DEMAND.costDirectives().listSize("Query", "strictBooks").requireOneSlicingArgument());
    }

    @Test
    void listsMultiplyByTheirSlicingArgumentAssumedOrDefaultSize() {
        // 3 books, each 1 + its author (type weight 2)
        assertEquals(9, estimate(DEMAND, "{ books(first: 3) { title author { name } } }", null));
        // the largest slicing argument counts
        assertEquals(8, estimate(DEMAND, "{ books(first: 3, last: 8) { id } }", null));
        assertEquals(7, estimate(DEMAND, "{ shelf { id } }", null));
        // sized fields: first sizes the connection's edges; the connection itself is one object
        assertEquals(1 + 4 * (1 + 2), estimate(DEMAND, "{ authors(first: 4) { total edges { node { name } } } }", null));
        // @cost on a field replaces its type's cost; on an argument it is added once
        assertEquals(50, estimate(DEMAND, "{ expensive { id } }", null));
        assertEquals(3 + 20, estimate(DEMAND, "{ search(term: \"x\") { id } }", null));
        // the argument's default (first: Int = 4) sizes a list too; a weighted scalar costs its weight
        assertEquals(2 * (1 + 4 * (1 + 5)), estimate(DEMAND, "{ books(first: 2) { reviews { stars text } } }", null));
    }

    @Test
    void variablesSizeListsAndConditionsRemoveFields() {
        String q = "query($n: Int, $skip: Boolean!) { books(first: $n) { id } expensive @skip(if: $skip) { id } }";
        assertEquals(6, estimate(DEMAND, q, Map.of("n", 6, "skip", true)));
        assertEquals(20 + 50, estimate(DEMAND, q, Map.of("skip", false)));
        assertEquals(5, estimate(DEMAND, "query($n: Int = 5) { books(first: $n) { id } }", Map.of()));
    }

    @Test
    void aRequiredSlicingArgumentIsEnforced() {
        GraphQLFailure f = assertThrows(GraphQLFailure.class, () -> estimate(DEMAND, "{ strictBooks { id } }", null));
        assertEquals("COST_SLICING_ARGUMENT_REQUIRED", f.code());
        assertEquals(400, f.status());
        assertEquals(2, estimate(DEMAND, "{ strictBooks(first: 2) { id } }", null));
    }

    @Test
    void configuredSizesReplaceTheDefault() {
        CostModel m = model(SUITE, Map.of("Article.entities", 50));
        String q = "query($id: ID!) { article(id: $id) { entities { entity { name } } } }";
        assertEquals(1 + 50 * 2, estimate(m, q, Map.of("id", "a")));
        assertEquals(1 + 20 * 2, estimate(SUITE, q, Map.of("id", "a")));
    }

    @Test
    void configuredSizesAreReadFromTypeFieldEntries() {
        assertEquals(Map.of("Article.entities", 50, "Entity.roles", 5), CostModel.sizes(List.of("Article.entities=50", " Entity.roles = 5 ")));
        assertThrows(IllegalArgumentException.class, () -> CostModel.sizes(List.of("Article.entities")));
        assertThrows(IllegalArgumentException.class, () -> CostModel.sizes(List.of("entities=5")));
        assertThrows(IllegalArgumentException.class, () -> CostModel.sizes(List.of("Article.entities=many")));
    }

    @Test
    void theSuitesQueriesCostWhatTheirShapeSays() {
        // README / launcher welcome query: 5 articles, each with processing and 20 assumed entities, each with a
        // connection of 3 related (an edge and its node each).
        String welcome = """
                { articles(first: 5) { edges { node { title publishedAt processing { state }
                  entities(minSalience: 0.3) { salience mentionCount entity { name type articleCount
                    related(first: 3) { edges { articleCount node { name type } } } } } } } } }""";
        assertEquals(1 + 5 * (1 + 1 + 1 + 20 * (1 + 1 + 1 + 3 * 2)), estimate(SUITE, welcome, null));
        assertEquals(1 + 5 * 2, estimate(SUITE, "{ articles(first: 5) { edges { node { id title publishedAt } } } }", null));
        assertEquals(1 + 20 * 2, estimate(SUITE, "{ searchEntities(query: \"Rotterdam\") { edges { node { id name type } } } }", null));
        // last sizes a page as first does
        assertEquals(1 + 7 * 2, estimate(SUITE, "{ articles(last: 7) { edges { node { id } } } }", null));
        assertEquals(1 + 20 * 2, estimate(SUITE, "{ searchArticles(query: \"energy\") { edges { node { id title } } } }", null));
        // related(first: Int = 10): the schema's default counts when the argument is left out
        assertEquals(1 + 1 + 10 * 2, estimate(SUITE, "{ entity(id: \"5\") { related { edges { node { id } } } } }", null));
        // a mutation starts at 10
        assertEquals(11, estimate(SUITE, "mutation { deleteArticle(id: \"a\", version: 1) { id } }", null));
    }

    @Test
    void aFanOutBombIsEstimatedFarOverTheLimit() {
        String bomb = fanOut(14, 100);
        double cost = estimate(SUITE, bomb, null);
        assertTrue(cost > 1e27, "14 levels of 100: " + cost);
        GraphQLFailure f = assertThrows(GraphQLFailure.class, () -> CostEstimator.check(model(SUITE, Map.of()),
                (OperationDefinition) Parser.parse(bomb).getDefinitions().get(0), Map.of(), null));
        assertEquals("COST_ESTIMATED_TOO_EXPENSIVE", f.code());
        assertTrue(f.getMessage().contains("exceeded configured maximum 10000"), f.getMessage());
        assertEquals(10_000L, ((Map<?, ?>) f.extensions().get("cost")).get("max"));
    }

    @Test
    void aFragmentReusedManyTimesCostsWhatItExpandsTo() {
        // Each level spreads the next fragment twice under related(first: 10): (2 * 10)^levels objects, walked once per fragment.
        int levels = 30;
        StringBuilder q = new StringBuilder("{ entity(id: \"5\") { ...F0 } }\n");
        for (int i = 0; i < levels; i++) {
            q.append("fragment F").append(i).append(" on Entity { related(first: 10) { edges { node { ...F").append(i + 1)
                    .append(" ... on Entity { ...F").append(i + 1).append(" } } } } }\n");
        }
        q.append("fragment F").append(levels).append(" on Entity { name }\n");
        double cost = estimate(SUITE, q.toString(), null);
        assertTrue(cost > Math.pow(20, levels - 1), "cost " + cost);
    }

    @Test
    void actualCostCountsTheObjectsReturned() {
        CostModel m = model(DEMAND, Map.of());
        Document doc = Parser.parse("{ books(first: 3) { title author { name } } }");
        OperationDefinition op = (OperationDefinition) doc.getDefinitions().get(0);
        Map<String, Object> data = Map.of("books", List.of(Map.of("title", "a", "author", Map.of("name", "x")),
                new LinkedHashMap<>(Map.of("title", "b"))));
        // two books (1 each) and one author (2)
        assertEquals(4, ActualCost.of(m, op, Map.of(), data));
        assertEquals(0, ActualCost.of(m, op, Map.of(), Map.of()));
    }

    @Test
    void theTestSupergraphIsCostedToo() {
        Supergraph s = TestSupergraphs.supergraph();
        // topProducts(first: Int = 5), each with an assumed 20 reviews and their author
        assertEquals(5 * (1 + 20 * (1 + 1)), estimate(s, "{ topProducts { name reviews { body author { name } } } }", null));
    }

    static String fanOut(int levels, int first) {
        StringBuilder sb = new StringBuilder("{ entity(id: \"5\") { ");
        for (int i = 0; i < levels; i++) {
            sb.append("related(first: ").append(first).append(") { edges { node { ");
        }
        sb.append("id").append(" } } }".repeat(levels)).append(" } }");
        return sb.toString();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
