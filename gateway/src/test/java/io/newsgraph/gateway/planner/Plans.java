package io.newsgraph.gateway.planner;

import java.util.List;
import java.util.Map;

import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import io.newsgraph.gateway.supergraph.Supergraph;

/** Plans a one-operation document without fragments and describes its fetches ("subgraph operation"). */
final class Plans {

    private Plans() {
    }

    static QueryPlan plan(Supergraph supergraph, String query) {
        OperationDefinition op = (OperationDefinition) Parser.parse(query).getDefinitions().get(0);
        return new QueryPlanner(supergraph).plan(op, Map.of(), Map.of());
    }

    static List<String> fetches(Supergraph supergraph, String query) {
        return plan(supergraph, query).fetches().stream().map(f -> f.serviceName() + " " + f.operation()).toList();
    }
}
