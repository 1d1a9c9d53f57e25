package io.newsgraph.gateway.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * An interface whose only other contributor is an {@code @interfaceObject} that cannot be entered
 * ({@code resolvable: false}): its fields there are out of reach from the subgraph that returns the interface, and
 * asking for one is a planning error, not a silently missing field.
 */
class UnreachableInterfaceFieldTest {

    private static final Supergraph SUPERGRAPH = TestSupergraphs.join("""
            interface Node @join__type(graph: OWNER, key: "id") @join__type(graph: EXTRA, key: "id", isInterfaceObject: true, resolvable: false) {
              id: ID!
              extra: String @join__field(graph: EXTRA)
            }
            type Query @join__type(graph: OWNER) @join__type(graph: EXTRA) {
              node: Node @join__field(graph: OWNER)
              extraNode: Node @join__field(graph: EXTRA)
            }
            """, "OWNER", "EXTRA");

    private static List<String> fetches(String query) {
        return Plans.fetches(SUPERGRAPH, query);
    }

    @Test
    void aFieldOnlyTheUnresolvableInterfaceObjectHasCannotBePlanned() {
        assertThrows(PlanningException.class, () -> fetches("{ node { extra } }"));
    }

    @Test
    void fieldsTheOwnerResolvesArePlanned() {
        assertEquals(List.of("owner query{node{__typename id}}"), fetches("{ node { id } }"));
    }

    @Test
    void theInterfaceObjectAnswersItsOwnRootField() {
        assertEquals(List.of("extra query{extraNode{__typename id extra}}"), fetches("{ extraNode { id extra } }"));
    }
}
