package io.newsgraph.gateway.planner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.OperationDefinition;

/**
 * A planned operation: the fetches to run ({@code root}, null when nothing is fetched) and what the executor
 * needs to shape the response (the operation, its fragments, the values its {@code @skip}/{@code @include}
 * conditions were planned for).
 */
public record QueryPlan(PlanNode root, List<FetchNode> fetches, OperationDefinition operation, FieldCollector collector,
        String rootType, boolean hasIntrospection) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "QueryPlan");
        m.put("node", root == null ? null : root.toJson());
        return m;
    }
}
