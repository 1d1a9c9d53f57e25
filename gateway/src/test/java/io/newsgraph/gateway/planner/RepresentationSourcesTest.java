package io.newsgraph.gateway.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * Where the fields of a representation come from when they are not in the parent's subgraph: a {@code @requires}
 * that names a field of the requiring subgraph itself is an earlier jump to that subgraph, and a key the current
 * subgraph only declares external is the one its own representation carried.
 */
class RepresentationSourcesTest {

    /** Post.topAuthor requires comments of RANK itself, whose authorId only FEED resolves. */
    static final Supergraph REQUIRES_OWN_FIELD = TestSupergraphs.join("""
            type Post @join__type(graph: FEED, key: "id") @join__type(graph: RANK, key: "id") {
              id: ID!
              comments(limit: Int!): [Comment] @join__field(graph: RANK)
              topAuthor: Author @join__field(graph: RANK, requires: "comments(limit: 3) { authorId }")
            }
            type Comment @join__type(graph: FEED, key: "id") @join__type(graph: RANK, key: "id") {
              id: ID!
              authorId: ID @join__field(graph: FEED) @join__field(graph: RANK, external: true)
            }
            type Author @join__type(graph: RANK) {
              id: ID!
            }
            type Query @join__type(graph: FEED) @join__type(graph: RANK) {
              feed: [Post] @join__field(graph: FEED)
            }
            """, "FEED", "RANK");

    /** Product.id is external in SHOP and INFO; Category has no key there, so its fields split by subgraph. */
    static final Supergraph EXTERNAL_KEY = TestSupergraphs.join("""
            type Product @join__type(graph: INFO, key: "id") @join__type(graph: SHOP, key: "id") @join__type(graph: CATALOG, key: "id") {
              id: ID @join__field(graph: INFO, external: true) @join__field(graph: SHOP, external: true) @join__field(graph: CATALOG)
              category: Category @join__field(graph: INFO) @join__field(graph: SHOP)
              name: String @join__field(graph: CATALOG)
            }
            type Category @join__type(graph: INFO) @join__type(graph: SHOP) @join__type(graph: NAMES, key: "id") {
              details: String @join__field(graph: INFO)
              id: ID @join__field(graph: SHOP) @join__field(graph: NAMES)
              name: String @join__field(graph: NAMES)
            }
            type Query @join__type(graph: INFO) @join__type(graph: SHOP) @join__type(graph: NAMES) @join__type(graph: CATALOG) {
              product(id: ID!): Product @join__field(graph: CATALOG)
            }
            """, "INFO", "SHOP", "NAMES", "CATALOG");

    /** Thing.id resolves only in B: its key cannot be had from A without itself. */
    static final Supergraph KEY_ONLY_THROUGH_ITSELF = TestSupergraphs.join("""
            type Thing @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
              id: ID @join__field(graph: A, external: true) @join__field(graph: B)
              name: String @join__field(graph: B)
            }
            type Query @join__type(graph: A) @join__type(graph: B) {
              thing: Thing @join__field(graph: A)
            }
            """, "A", "B");

    @Test
    void aRequirementOnTheRequiringSubgraphsOwnFieldIsAnEarlierJumpThere() {
        QueryPlan plan = Plans.plan(REQUIRES_OWN_FIELD, "{ feed { topAuthor { id } } }");
        List<String> f = plan.fetches().stream().map(x -> x.serviceName() + " " + x.operation()).toList();
        assertEquals(4, f.size(), f.toString());
        assertEquals("feed query{feed{__typename id}}", f.get(0));
        FetchNode comments = only(plan, "rank", "comments");
        FetchNode authorIds = only(plan, "feed", "authorId");
        FetchNode topAuthor = only(plan, "rank", "topAuthor");
        assertTrue(comments.operation().contains("comments__r0:comments(limit:3){__typename id}"), comments.operation());
        assertTrue(authorIds.dependencies.contains(comments), plan.fetches().toString());
        assertTrue(topAuthor.dependencies.contains(authorIds), plan.fetches().toString());
        assertTrue(topAuthor.representations().get("Post").fields().containsKey("comments__r0"), topAuthor.toString());
    }

    @Test
    void aKeyTheSubgraphDeclaresExternalIsTheOneItsRepresentationCarried() {
        QueryPlan plan = Plans.plan(EXTERNAL_KEY, "{ product(id: \"1\") { id name category { id name details } } }");
        List<String> f = plan.fetches().stream().map(x -> x.serviceName() + " " + x.operation()).toList();
        assertEquals("catalog query{product(id:\"1\"){id name __typename}}", f.get(0));
        FetchNode details = only(plan, "info", "details");
        assertEquals(List.of("__typename", "id"), List.copyOf(details.representations().get("Product").fields().keySet()));
        // Product.id is never asked of a subgraph that only declares it external.
        for (FetchNode x : plan.fetches()) {
            if (!x.serviceName().equals("catalog")) {
                assertTrue(!x.operation().contains("Product{id") && !x.operation().contains("Product{__typename id"), x.operation());
            }
        }
        assertTrue(f.stream().anyMatch(o -> o.startsWith("names ") && o.contains("...on Category{name}")), f.toString());
    }

    @Test
    void aKeyReachableOnlyThroughItselfStillFailsPlanning() {
        PlanningException e = assertThrows(PlanningException.class, () -> Plans.plan(KEY_ONLY_THROUGH_ITSELF, "{ thing { name } }"));
        assertTrue(e.getMessage().startsWith("cannot reach the key of Thing"), e.getMessage());
    }

    private static FetchNode only(QueryPlan plan, String service, String field) {
        List<FetchNode> found = plan.fetches().stream()
                .filter(x -> x.serviceName().equals(service) && x.isEntityFetch() && x.operation().contains(field)).toList();
        assertEquals(1, found.size(), plan.fetches().toString());
        return found.get(0);
    }
}
