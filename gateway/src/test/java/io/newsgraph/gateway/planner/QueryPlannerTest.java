package io.newsgraph.gateway.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.supergraph.Supergraph;

class QueryPlannerTest {

    private static final Supergraph SUPERGRAPH = TestSupergraphs.supergraph();

    static QueryPlan plan(String query, Map<String, Boolean> conditions) {
        Document doc = Parser.parse(query);
        Map<String, FragmentDefinition> fragments = new LinkedHashMap<>();
        OperationDefinition op = null;
        for (var d : doc.getDefinitions()) {
            if (d instanceof FragmentDefinition f) {
                fragments.put(f.getName(), f);
            } else if (d instanceof OperationDefinition o) {
                op = o;
            }
        }
        return new QueryPlanner(SUPERGRAPH).plan(op, fragments, conditions);
    }

    static QueryPlan plan(String query) {
        return plan(query, Map.of());
    }

    static List<String> describe(QueryPlan plan) {
        return plan.fetches().stream().map(f -> f.serviceName() + (f.isEntityFetch() ? " " + f.path() : "") + " " + f.operation()).toList();
    }

    @Test
    void oneSubgraphQueryIsOneFetch() {
        QueryPlan plan = plan("{ topProducts { upc name price } }");
        assertEquals(List.of("products query{topProducts{upc name price}}"), describe(plan));
        assertInstanceOf(PlanNode.Fetch.class, plan.root());
    }

    @Test
    void crossingAnEntityBoundaryAddsTheKeyAndABatchedEntitiesFetch() {
        QueryPlan plan = plan("{ topProducts { name reviews { body } } }");
        assertEquals(List.of(
                "products query{topProducts{name __typename upc}}",
                "reviews [topProducts.@] query($representations:[_Any!]!){_entities(representations:$representations){...on Product{reviews{body}}}}"),
                describe(plan));
        PlanNode.Sequence seq = assertInstanceOf(PlanNode.Sequence.class, plan.root());
        assertEquals(2, seq.nodes().size());
        assertEquals(Map.of("__typename", true, "upc", true).keySet(), plan.fetches().get(1).representations().get("Product").fields().keySet());
    }

    @Test
    void nestsThreeBoundariesDeep() {
        QueryPlan plan = plan("{ topProducts { name reviews { body author { name reviews { product { name } } } } } }");
        List<String> d = describe(plan);
        assertEquals(4, d.size(), d.toString());
        assertTrue(d.get(0).startsWith("products query{topProducts{name __typename upc}}"), d.get(0));
        assertTrue(d.get(1).startsWith("reviews [topProducts.@]"), d.get(1));
        assertTrue(d.contains("accounts [topProducts.@, reviews.@, author] query($representations:[_Any!]!)"
                + "{_entities(representations:$representations){...on User{name}}}"), d.toString());
        assertTrue(d.contains("products [topProducts.@, reviews.@, author, reviews.@, product] query($representations:[_Any!]!)"
                + "{_entities(representations:$representations){...on Product{name}}}"), d.toString());
        // accounts and products both only need the reviews fetch: they run in parallel after it.
        PlanNode.Sequence seq = assertInstanceOf(PlanNode.Sequence.class, plan.root());
        assertEquals(3, seq.nodes().size());
        assertInstanceOf(PlanNode.Parallel.class, seq.nodes().get(2));
        // User.reviews stays in the reviews fetch that already has the user: only name needs accounts.
        assertTrue(d.get(1).contains("author{reviews{product{__typename upc}} __typename id}"), d.get(1));
    }

    @Test
    void requiresFetchesTheRequiredFieldsFirst() {
        QueryPlan plan = plan("{ topProducts { shippingEstimate } }");
        List<String> d = describe(plan);
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(0).contains("price weight"), d.get(0));
        assertEquals(List.of("__typename", "upc", "price", "weight"),
                List.copyOf(plan.fetches().get(1).representations().get("Product").fields().keySet()));
    }

    @Test
    void requiresFromAnotherEntityFetchRunsAfterIt() {
        // From reviews, Product.price/weight come from products; inventory needs them: products first, then inventory.
        QueryPlan plan = plan("{ latestReviews { product { shippingEstimate } } }");
        List<String> d = describe(plan);
        assertEquals(3, d.size(), d.toString());
        PlanNode.Sequence seq = assertInstanceOf(PlanNode.Sequence.class, plan.root());
        assertEquals(3, seq.nodes().size(), plan.toJson().toString());
    }

    @Test
    void providesKeepsTheFieldInTheProvidingSubgraph() {
        QueryPlan plan = plan("{ latestReviews { author { username } } }");
        assertEquals(List.of("reviews query{latestReviews{author{username}}}"), describe(plan));
        QueryPlan other = plan("{ latestReviews { author { name } } }");
        assertEquals(2, other.fetches().size());
    }

    @Test
    void overrideRoutesTheFieldToTheNewOwner() {
        QueryPlan plan = plan("{ latestReviews { author { email } } }");
        assertEquals(2, plan.fetches().size(), describe(plan).toString());
        assertEquals("accounts", plan.fetches().get(1).serviceName());
    }

    @Test
    void independentFetchesRunInParallel() {
        QueryPlan plan = plan("{ me { name } topProducts { name } }");
        PlanNode.Parallel par = assertInstanceOf(PlanNode.Parallel.class, plan.root());
        assertEquals(2, par.nodes().size());
    }

    @Test
    void interfacesAndUnionsAreExpandedPerTypeWithTypename() {
        QueryPlan plan = plan("{ search(term: \"a\") { __typename ... on Product { name reviewCount } ... on Book { title reviews { body } } } }");
        List<String> d = describe(plan);
        assertTrue(d.get(0).contains("search(term:\"a\"){__typename ...on Product{__typename name upc} ...on Book{__typename title id}}"), d.get(0));
        assertEquals(2, d.size(), d.toString());
        assertTrue(d.get(1).contains("...on Product{reviewCount} ...on Book{reviews{body}}"), d.get(1));
        QueryPlan media = plan("{ media { id title } }");
        assertEquals(1, media.fetches().size());
    }

    @Test
    void fragmentsAliasesAndConditionsArePlanned() {
        String q = "query($withReviews: Boolean!) { items: topProducts(first: 2) { ...P } } "
                + "fragment P on Product { title: name reviews @include(if: $withReviews) { body } }";
        QueryPlan with = plan(q, Map.of("withReviews", true));
        assertEquals(2, with.fetches().size());
        assertTrue(with.fetches().get(0).operation().contains("items:topProducts(first:2){title:name"), with.fetches().get(0).operation());
        QueryPlan without = plan(q, Map.of("withReviews", false));
        assertEquals(1, without.fetches().size());
        assertFalse(without.fetches().get(0).operation().contains("upc"));
    }

    @Test
    void mutationsKeepRootFieldOrder() {
        // The test supergraph has no mutation; a query's root fields in one subgraph share one fetch.
        QueryPlan plan = plan("{ a: topProducts { upc } b: product(upc: \"1\") { name } }");
        assertEquals(1, plan.fetches().size());
    }

    @Test
    void variablesAreDeclaredInTheFetchesThatUseThem() {
        QueryPlan plan = plan("query($n: Int = 2, $upc: String!) { topProducts(first: $n) { reviews { body } } product(upc: $upc) { name } }");
        FetchNode products = plan.fetches().get(0);
        assertTrue(products.operation().startsWith("query($n:Int=2,$upc:String!)"), products.operation());
        assertEquals(List.of("n", "upc"), products.variables());
        assertEquals(List.of(), plan.fetches().get(1).variables());
    }
}
