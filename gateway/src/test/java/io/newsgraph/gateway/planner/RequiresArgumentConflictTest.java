package io.newsgraph.gateway.planner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.newsgraph.gateway.TestSupergraphs;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * Two fields that require one field with different arguments: the parent fetch asks for each value under an
 * alias of its own and each requiring field gets an entity fetch whose representation carries its own value.
 */
class RequiresArgumentConflictTest {

    static final Supergraph SUPERGRAPH = TestSupergraphs.join("""
            type Item @join__type(graph: SHOP, key: "sku") @join__type(graph: CALC, key: "sku") {
              sku: String!
              cost(unit: String!): Int @join__field(graph: SHOP) @join__field(graph: CALC, external: true)
              costInGrams: Int @join__field(graph: CALC, requires: "cost(unit: \\"g\\")")
              costInKilos: Int @join__field(graph: CALC, requires: "cost(unit: \\"kg\\")")
              label: String @join__field(graph: CALC)
            }
            type Query @join__type(graph: SHOP) @join__type(graph: CALC) {
              items: [Item] @join__field(graph: SHOP)
            }
            """, "SHOP", "CALC");


    private static List<String> fetches(String query) {
        return Plans.fetches(SUPERGRAPH, query);
    }

    @Test
    void eachRequiringFieldGetsTheValueForItsOwnArguments() {
        List<String> f = fetches("{ items { sku costInGrams costInKilos } }");
        assertEquals(3, f.size(), f.toString());
        assertEquals("shop query{items{sku __typename cost__r0:cost(unit:\"g\") cost__r1:cost(unit:\"kg\")}}", f.get(0));
        assertTrue(f.contains("calc query($representations:[_Any!]!){_entities(representations:$representations){...on Item{costInGrams}}}"), f.toString());
        assertTrue(f.contains("calc query($representations:[_Any!]!){_entities(representations:$representations){...on Item{costInKilos}}}"), f.toString());
    }

    @Test
    void fieldsWithoutConflictingRequirementsShareOneFetch() {
        assertEquals(List.of(
                "shop query{items{__typename sku cost__r0:cost(unit:\"g\")}}",
                "calc query($representations:[_Any!]!){_entities(representations:$representations){...on Item{costInGrams label}}}"),
                fetches("{ items { costInGrams label } }"));
    }

    @Test
    void theClientsOwnArgumentsAreNotTakenForTheRequirement() {
        List<String> f = fetches("{ items { cost(unit: \"lb\") costInGrams } }");
        assertEquals("shop query{items{cost(unit:\"lb\") __typename sku cost__r0:cost(unit:\"g\")}}", f.get(0));
    }
}
