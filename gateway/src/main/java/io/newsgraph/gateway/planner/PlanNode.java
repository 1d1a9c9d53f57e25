package io.newsgraph.gateway.planner;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shape of a query plan: fetches composed in sequence or in parallel. */
public sealed interface PlanNode {

    /** A fetch; entity fetches are shown as Flatten(path, Fetch). */
    record Fetch(FetchNode fetch) implements PlanNode {
    }

    /** Nodes that run one after another (each sees the results of the ones before). */
    record Sequence(List<PlanNode> nodes) implements PlanNode {
    }

    /** Nodes that run at the same time. */
    record Parallel(List<PlanNode> nodes) implements PlanNode {
    }

    /** The node in the JSON form of Apollo's query plans (for the query-plan header). */
    default Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (this) {
            case Fetch(FetchNode f) -> {
                Map<String, Object> fetch = new LinkedHashMap<>();
                fetch.put("kind", "Fetch");
                fetch.put("serviceName", f.serviceName());
                fetch.put("variableUsages", f.variables());
                fetch.put("operation", f.operation());
                if (!f.isEntityFetch()) {
                    return fetch;
                }
                m.put("kind", "Flatten");
                m.put("path", f.path().stream().map(PathElement::toString).toList());
                m.put("node", fetch);
            }
            case Sequence(List<PlanNode> nodes) -> {
                m.put("kind", "Sequence");
                m.put("nodes", nodes.stream().map(PlanNode::toJson).toList());
            }
            case Parallel(List<PlanNode> nodes) -> {
                m.put("kind", "Parallel");
                m.put("nodes", nodes.stream().map(PlanNode::toJson).toList());
            }
        }
        return m;
    }
}
