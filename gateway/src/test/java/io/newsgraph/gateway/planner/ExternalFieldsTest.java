package io.newsgraph.gateway.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * A field the supergraph marks external in a subgraph is never read from that subgraph, not even a key field:
 * the subgraph only receives it in representations. Here each subgraph owns one entity's id and marks the
 * other's external; a shareable root field returning the interface can come from either.
 */
class ExternalFieldsTest {

    private static final Supergraph SUPERGRAPH = TestSupergraphs.join("""
            interface Thing @join__type(graph: LEFT) @join__type(graph: RIGHT) { id: ID! }
            type Pen implements Thing @join__implements(graph: LEFT, interface: "Thing") @join__implements(graph: RIGHT, interface: "Thing")
              @join__type(graph: LEFT, key: "id") @join__type(graph: RIGHT, key: "id") {
              id: ID! @join__field(graph: LEFT) @join__field(graph: RIGHT, external: true)
              ink: String @join__field(graph: LEFT)
            }
            type Cup implements Thing @join__implements(graph: LEFT, interface: "Thing") @join__implements(graph: RIGHT, interface: "Thing")
              @join__type(graph: LEFT, key: "id") @join__type(graph: RIGHT, key: "id") {
              id: ID! @join__field(graph: LEFT, external: true) @join__field(graph: RIGHT)
              volume: Int @join__field(graph: RIGHT)
            }
            type Query @join__type(graph: LEFT) @join__type(graph: RIGHT) {
              thing(id: ID!): Thing
            }
            """, "LEFT", "RIGHT");

    private static List<String> fetches(String query) {
        return Plans.fetches(SUPERGRAPH, query);
    }

    @Test
    void eachRootFieldGoesToTheSubgraphThatOwnsTheFieldsItSelects() {
        assertEquals(List.of(
                "left query{pen:thing(id:\"1\"){__typename ...on Pen{id ink}}}",
                "right query{cup:thing(id:\"2\"){__typename ...on Cup{id volume}}}"),
                fetches("{ pen: thing(id: \"1\") { ... on Pen { id ink } } cup: thing(id: \"2\") { ... on Cup { id volume } } }"));
    }

    @Test
    void anInterfaceFieldNoSubgraphOwnsForEveryTypeCannotBePlanned() {
        // From LEFT, Cup.id is external and Cup can only be entered by that same id: no route; RIGHT likewise for Pen.
        assertThrows(PlanningException.class, () -> fetches("{ thing(id: \"1\") { id } }"));
    }

    @Test
    void typenameAloneNeedsNoExternalField() {
        assertEquals(List.of("left query{thing(id:\"1\"){__typename}}"), fetches("{ thing(id: \"1\") { __typename } }"));
    }
}
