package io.newsgraph.service.graphql;

import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationMeterTest {

    static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse("""
            scalar _Any
            type Query {
              entity(id: ID!): Entity
              entities(first: Int, after: String, last: Int, before: String): EntityConnection!
              _entities(representations: [_Any!]!): [Entity]!
            }
            type Entity { id: ID! name: String aliases: [String!]! related(first: Int = 10): [Related!]! }
            type Related { articleCount: Int! entity: Entity! }
            type EntityConnection { edges: [EntityEdge!]! }
            type EntityEdge { cursor: String! node: Entity! }
            """));

    static final GraphQLLimits LIMITS = new GraphQLLimits(15, 100, 50_000, 20, 100, 1000, 100_000, 1_000_000);

    static OperationMeasure measure(String query, Map<String, Object> variables) {
        Document doc = Parser.parse(query);
        Map<String, FragmentDefinition> fragments = new HashMap<>();
        doc.getDefinitionsOfType(FragmentDefinition.class).forEach(f -> fragments.put(f.getName(), f));
        OperationDefinition op = doc.getDefinitionsOfType(OperationDefinition.class).getFirst();
        return OperationMeter.measure(SCHEMA, op, fragments, variables, 20);
    }

    @Test
    void listSizesMultiply() {
        // entity 1 + name 1 = 2; related(first: 3): 1 + 3 * (articleCount 1 + entity (1 + name 1)) = 10
        OperationMeasure m = measure("{ entity(id: 1) { name related(first: 3) { articleCount entity { name } } } }", Map.of());
        assertEquals(1 + 1 + 10, m.cost());
        assertEquals(4, m.depth());
        assertEquals(3, m.largestPage());
    }

    @Test
    void anArgumentsDefaultAVariableAndTheDefaultListSizeCountAsPageSizes() {
        assertEquals(1 + (1 + 10 * 1), measure("{ entity(id: 1) { related { articleCount } } }", Map.of()).cost());
        assertEquals(1 + (1 + 7 * 1), measure("query($n: Int) { entity(id: 1) { related(first: $n) { articleCount } } }",
                Map.of("n", 7)).cost());
        // a connection without first: the default list size, and edges stand for that page, not another list
        assertEquals(1 + 20 * (1 + (1 + (1 + 1))), measure("{ entities { edges { cursor node { id } } } }", Map.of()).cost());
        // last sizes a backward page as first does a forward one
        OperationMeasure last = measure("{ entities(last: 70) { edges { cursor node { id } } } }", Map.of());
        assertEquals(1 + 70 * (1 + (1 + (1 + 1))), last.cost());
        assertEquals(70, last.largestPage());
        // a plain list field
        assertEquals(1 + (1 + 20 * 0), measure("{ entity(id: 1) { aliases } }", Map.of()).cost());
    }

    @Test
    void representationsMultiplyAndAreCounted() {
        OperationMeasure m = measure("query($r: [_Any!]!) { _entities(representations: $r) { ... on Entity { name } } }",
                Map.of("r", java.util.Collections.nCopies(30, Map.of("__typename", "Entity", "id", "1"))));
        assertEquals(1 + 30, m.cost());
        assertEquals(30, m.largestRepresentations());
    }

    @Test
    void theFanOutBombIsEstimatedAsTheFanOutItIs() {
        String bomb = "{ entity(id: 5) { " + "related(first: 100) { entity { ".repeat(14) + "name" + " } }".repeat(14) + " } }";
        OperationMeasure m = measure(bomb, Map.of());
        assertEquals(OperationMeter.COST_CAP, m.cost());
        assertEquals(LimitExceeded.MAX_DEPTH_EXCEEDED, LIMITS.check(m).orElseThrow().code());
        String shallow = "{ entity(id: 5) { " + "related(first: 100) { entity { ".repeat(3) + "name" + " } }".repeat(3) + " } }";
        OperationMeasure s = measure(shallow, Map.of());
        assertTrue(s.cost() > 1_000_000, () -> "cost " + s.cost());
        assertEquals(LimitExceeded.COST_ESTIMATED_TOO_EXPENSIVE, LIMITS.check(s).orElseThrow().code());
    }

    @Test
    void aFragmentReuseBombIsMeasuredOncePerFragmentButCountedPerUse() {
        StringBuilder q = new StringBuilder("{ entity(id: 1) { ...F40 } } fragment F0 on Entity { name }");
        for (int i = 1; i <= 40; i++) {
            q.append(" fragment F").append(i).append(" on Entity { a: related(first: 1) { entity { ...F").append(i - 1)
                    .append(" } } b: related(first: 1) { entity { ...F").append(i - 1).append(" } } }");
        }
        // 2^40 uses of F0: measured in milliseconds, and saturated rather than overflowing
        OperationMeasure m = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> measure(q.toString(), Map.of()));
        assertTrue(m.cost() > 1L << 40, () -> "cost " + m.cost());
        assertEquals(80, m.aliases());
        assertEquals(2 + 40 * 2, m.depth());
    }

    @Test
    void cyclicFragmentsEndTheWalk() {
        OperationMeasure m = measure("{ entity(id: 1) { ...A } } fragment A on Entity { ...B } fragment B on Entity { ...A name }",
                Map.of());
        assertEquals(2, m.cost());
    }

    @Test
    void theMostSpecificLimitIsNamedFirst() {
        assertEquals(LimitExceeded.MAX_PAGE_SIZE_EXCEEDED,
                LIMITS.check(measure("{ entities(first: 5000) { edges { cursor } } }", Map.of())).orElseThrow().code());
        assertTrue(LIMITS.check(measure("{ entities(first: 100) { edges { cursor node { name } } } }", Map.of())).isEmpty());
    }
}
