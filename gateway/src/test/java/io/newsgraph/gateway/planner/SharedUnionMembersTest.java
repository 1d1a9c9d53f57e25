package io.newsgraph.gateway.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * A shareable union-typed field may be served by any subgraph that resolves it, so only the members
 * every such subgraph declares are fetched; a field resolved by one subgraph keeps all its members.
 */
class SharedUnionMembersTest {

    private static final Supergraph SUPERGRAPH = TestSupergraphs.join("""
            union Item @join__type(graph: A) @join__type(graph: B)
              @join__unionMember(graph: A, member: "Both") @join__unionMember(graph: B, member: "Both")
              @join__unionMember(graph: A, member: "OnlyA") @join__unionMember(graph: B, member: "OnlyB")
              = Both | OnlyA | OnlyB
            type Both @join__type(graph: A) @join__type(graph: B) { label: String }
            type OnlyA @join__type(graph: A) { a: String }
            type OnlyB @join__type(graph: B) { b: String }
            type Box @join__type(graph: A) @join__type(graph: B) { items: [Item!]! }
            type Holder @join__type(graph: A, key: "id") @join__type(graph: B, key: "id") {
              id: ID!
              box: Box
              boxB: Box @join__field(graph: B)
            }
            type Query @join__type(graph: A) @join__type(graph: B) {
              holderA: Holder @join__field(graph: A)
              boxA: Box @join__field(graph: A)
              shared: Box
              itemsA: [Item!]! @join__field(graph: A)
            }
            """, "A", "B");

    private static List<String> fetches(String query) {
        return Plans.fetches(SUPERGRAPH, query);
    }

    @Test
    void shareableUnionFieldFetchesOnlyMembersCommonToItsSubgraphs() {
        assertEquals(List.of("a query{holderA{box{items{__typename ...on Both{__typename label}}}}}"),
                fetches("{ holderA { box { items { __typename ... on Both { label } ... on OnlyA { a } ... on OnlyB { b } } } } }"));
        assertEquals(List.of("a query{shared{items{__typename ...on Both{__typename label}}}}"),
                fetches("{ shared { items { __typename ... on Both { label } ... on OnlyA { a } ... on OnlyB { b } } } }"));
    }

    @Test
    void objectWithoutKeyFromOneSubgraphKeepsThatSubgraphsMembers() {
        assertEquals(List.of("a query{boxA{items{__typename ...on Both{__typename label} ...on OnlyA{__typename a}}}}"),
                fetches("{ boxA { items { __typename ... on Both { label } ... on OnlyA { a } ... on OnlyB { b } } } }"));
    }

    @Test
    void unionFieldOfOneSubgraphKeepsThatSubgraphsMembers() {
        assertEquals(List.of("a query{itemsA{__typename ...on Both{__typename label} ...on OnlyA{__typename a}}}"),
                fetches("{ itemsA { __typename ... on Both { label } ... on OnlyA { a } ... on OnlyB { b } } }"));
    }
}
