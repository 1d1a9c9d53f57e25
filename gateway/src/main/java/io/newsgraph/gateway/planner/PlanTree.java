package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arranges fetches (a dependency graph) into Sequence/Parallel nodes. Each fetch hangs below the fetch it
 * depends on; a fetch that also depends on a fetch elsewhere (a {@code @requires} field fetched by a sibling)
 * moves up to the closest common ancestor and runs after the sibling subtrees it needs.
 */
final class PlanTree {

    private final List<FetchNode> fetches;
    private final Map<FetchNode, FetchNode> attach = new HashMap<>();
    private final Map<FetchNode, List<FetchNode>> children = new LinkedHashMap<>();

    PlanTree(List<FetchNode> fetches) {
        this.fetches = fetches;
    }

    PlanNode build(List<FetchNode> roots, boolean sequential) {
        for (FetchNode f : fetches) {
            attach.put(f, f.parent);
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (FetchNode f : fetches) {
                for (FetchNode d : f.dependencies) {
                    FetchNode at = attach.get(f);
                    if (d == at || isAncestor(d, at)) {
                        continue;
                    }
                    FetchNode common = commonAncestor(at, d);
                    if (common != at) {
                        attach.put(f, common);
                        changed = true;
                    }
                }
            }
        }
        List<FetchNode> top = new ArrayList<>();
        for (FetchNode f : fetches) {
            FetchNode at = attach.get(f);
            if (at == null) {
                top.add(f);
            } else {
                children.computeIfAbsent(at, k -> new ArrayList<>()).add(f);
            }
        }
        if (top.isEmpty()) {
            return null;
        }
        if (sequential) {
            List<PlanNode> nodes = new ArrayList<>();
            for (FetchNode r : roots) {
                nodes.add(node(r));
            }
            List<FetchNode> others = new ArrayList<>(top);
            others.removeAll(roots);
            if (!others.isEmpty()) {
                nodes.add(layered(others));
            }
            return nodes.size() == 1 ? nodes.get(0) : new PlanNode.Sequence(nodes);
        }
        return layered(top);
    }

    private boolean isAncestor(FetchNode candidate, FetchNode of) {
        for (FetchNode x = of; x != null; x = attach.get(x)) {
            if (x == candidate) {
                return true;
            }
        }
        return false;
    }

    private FetchNode commonAncestor(FetchNode a, FetchNode b) {
        Set<FetchNode> chain = new HashSet<>();
        for (FetchNode x = a; x != null; x = attach.get(x)) {
            chain.add(x);
        }
        for (FetchNode y = b; y != null; y = attach.get(y)) {
            if (chain.contains(y)) {
                return y;
            }
        }
        return null;
    }

    private PlanNode node(FetchNode f) {
        List<FetchNode> kids = children.get(f);
        PlanNode self = new PlanNode.Fetch(f);
        if (kids == null || kids.isEmpty()) {
            return self;
        }
        return new PlanNode.Sequence(flattenSequence(self, layered(kids)));
    }

    private static List<PlanNode> flattenSequence(PlanNode first, PlanNode rest) {
        List<PlanNode> out = new ArrayList<>();
        out.add(first);
        if (rest instanceof PlanNode.Sequence(List<PlanNode> nodes)) {
            out.addAll(nodes);
        } else {
            out.add(rest);
        }
        return out;
    }

    /** Siblings in layers: a sibling runs after the siblings whose subtrees hold a fetch it depends on. */
    private PlanNode layered(List<FetchNode> siblings) {
        Map<FetchNode, Set<FetchNode>> subtree = new HashMap<>();
        for (FetchNode s : siblings) {
            Set<FetchNode> all = new HashSet<>();
            collect(s, all);
            subtree.put(s, all);
        }
        Map<FetchNode, Set<FetchNode>> needs = new HashMap<>();
        for (FetchNode s : siblings) {
            Set<FetchNode> n = new HashSet<>();
            Set<FetchNode> deps = new HashSet<>();
            for (FetchNode x : subtree.get(s)) {
                deps.addAll(x.dependencies);
            }
            for (FetchNode o : siblings) {
                if (o != s && subtree.get(o).stream().anyMatch(deps::contains)) {
                    n.add(o);
                }
            }
            needs.put(s, n);
        }
        List<List<FetchNode>> layers = new ArrayList<>();
        Set<FetchNode> done = new HashSet<>();
        List<FetchNode> remaining = new ArrayList<>(siblings);
        while (!remaining.isEmpty()) {
            List<FetchNode> layer = new ArrayList<>();
            for (FetchNode s : remaining) {
                if (done.containsAll(needs.get(s))) {
                    layer.add(s);
                }
            }
            if (layer.isEmpty()) {
                throw new PlanningException("cyclic fetch dependencies");
            }
            remaining.removeAll(layer);
            done.addAll(layer);
            layers.add(layer);
        }
        List<PlanNode> out = new ArrayList<>();
        for (List<FetchNode> layer : layers) {
            if (layer.size() == 1) {
                out.add(node(layer.get(0)));
            } else {
                out.add(new PlanNode.Parallel(layer.stream().map(this::node).toList()));
            }
        }
        return out.size() == 1 ? out.get(0) : new PlanNode.Sequence(out);
    }

    private void collect(FetchNode f, Set<FetchNode> into) {
        into.add(f);
        for (FetchNode c : children.getOrDefault(f, List.of())) {
            collect(c, into);
        }
    }
}
