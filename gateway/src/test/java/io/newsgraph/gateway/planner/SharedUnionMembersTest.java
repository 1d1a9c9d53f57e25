package io.newsgraph.gateway.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.newsgraph.gateway.supergraph.Supergraph;
import io.newsgraph.gateway.supergraph.SupergraphParser;

/**
 * A shareable union-typed field may be served by any subgraph that resolves it, so only the members
 * every such subgraph declares are fetched; a field resolved by one subgraph keeps all its members.
 */
class SharedUnionMembersTest {

    private static final String SDL = """
            schema @link(url: "https://specs.apollo.dev/link/v1.0") @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION) { query: Query }
            directive @join__field(graph: join__Graph, requires: join__FieldSet, provides: join__FieldSet, type: String, external: Boolean, override: String, usedOverridden: Boolean) repeatable on FIELD_DEFINITION | INPUT_FIELD_DEFINITION
            directive @join__graph(name: String!, url: String!) on ENUM_VALUE
            directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
            directive @join__unionMember(graph: join__Graph!, member: String!) repeatable on UNION
            directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
            scalar join__FieldSet
            scalar link__Import
            enum link__Purpose { SECURITY EXECUTION }
            enum join__Graph {
              A @join__graph(name: "a", url: "http://a.example/graphql")
              B @join__graph(name: "b", url: "http://b.example/graphql")
            }
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
            """;

    private static List<String> fetches(String query) {
        Supergraph supergraph = SupergraphParser.parse(SDL);
        OperationDefinition op = (OperationDefinition) Parser.parse(query).getDefinitions().get(0);
        QueryPlan plan = new QueryPlanner(supergraph).plan(op, Map.of(), Map.of());
        return plan.fetches().stream().map(f -> f.serviceName() + " " + f.operation()).toList();
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
