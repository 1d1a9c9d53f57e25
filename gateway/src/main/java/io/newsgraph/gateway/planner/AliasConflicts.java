package io.newsgraph.gateway.planner;

import java.util.HashMap;
import java.util.Map;

import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * Fragments of one selection that select one response key with different types in one subgraph (say {@code ID!}
 * on one type, {@code ID} on another) make the subgraph reject the query: such fields are sent under an alias of
 * the gateway's own and renamed back when the answer arrives.
 */
final class AliasConflicts {

    private final PlanningContext ctx;

    AliasConflicts(PlanningContext ctx) {
        this.ctx = ctx;
    }

    void resolve(SelectionTree target, String graph) {
        if (target.fragments().size() < 2) {
            return;
        }
        Map<String, String> seen = new HashMap<>();
        for (Map.Entry<String, SelectionTree> fragment : target.fragments().entrySet()) {
            TypeInfo t = ctx.supergraph.type(fragment.getKey());
            if (t == null) {
                continue;
            }
            for (Map.Entry<String, SelectionTree.FieldNode> e : fragment.getValue().fields().entrySet()) {
                SelectionTree.FieldNode node = e.getValue();
                if (node.name().startsWith("__")) {
                    continue;
                }
                String local = ctx.supergraph.localTypeString(t, node.name(), graph);
                String first = seen.putIfAbsent(e.getKey(), local);
                if (first != null && !first.equals(local)) {
                    node.sendAs(e.getKey() + "__" + fragment.getKey(), e.getKey());
                }
            }
        }
    }
}
