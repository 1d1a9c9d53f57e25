package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.newsgraph.gateway.supergraph.FieldInfo;
import io.newsgraph.gateway.supergraph.KeyInfo;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * How many entity fetches a selection would cost from a subgraph ({@link #UNREACHABLE} and more: no route found),
 * and the choices made from it: which subgraph to take a field from, and when a field is better fetched whole, or
 * in parts, through its parent entity from other subgraphs.
 */
final class RouteCost {

    static final int UNREACHABLE = 1000;

    private final PlanningContext ctx;

    RouteCost(PlanningContext ctx) {
        this.ctx = ctx;
    }

    /** Entity fetches needed if {@code sels} on {@code type} were fetched from {@code graph}. */
    int cost(String graph, TypeInfo type, List<Selection> sels, List<Selection> provided, int depth) {
        if (depth > 16 || sels.isEmpty()) {
            return 0;
        }
        if (type.isAbstract()) {
            int c = 0;
            for (String concrete : ctx.possibleTypes(type)) {
                if (ctx.supergraph.isMemberIn(type, concrete, graph)) {
                    c += cost(graph, ctx.supergraph.type(concrete), sels, provided, depth + 1);
                }
            }
            return c;
        }
        int c = 0;
        for (List<Field> fields : ctx.collector.collect(type.name(), sels).values()) {
            String name = fields.get(0).getName();
            FieldInfo fi = type.field(name);
            if (name.startsWith("__") || fi == null) {
                continue;
            }
            if (ctx.provided.resolvesHere(type, name, graph, provided)) {
                TypeInfo ft = ctx.supergraph.type(fi.typeName());
                if (ft != null && ft.isComposite()) {
                    c += cost(graph, ft, FieldCollector.subSelections(fields), ctx.provided.below(type, name, graph, provided), depth + 1);
                }
            } else {
                c += keyReachable(type, name, graph, provided) ? 1 : UNREACHABLE;
            }
        }
        return c;
    }

    /** The cheapest of {@code candidates} for {@code parent.name}; subgraphs in {@code preferred} save a fetch. */
    String cheapest(List<String> candidates, TypeInfo parent, String name, List<Field> fields, Set<String> preferred) {
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        FieldInfo fi = parent.field(name);
        TypeInfo type = ctx.supergraph.type(fi.typeName());
        String best = null;
        int bestCost = Integer.MAX_VALUE;
        for (String g : candidates) {
            int c = preferred.contains(g) ? 0 : 1;
            if (type != null && type.isComposite()) {
                c += cost(g, type, FieldCollector.subSelections(fields), ctx.provided.below(parent, name, g, null), 0);
            }
            if (c < bestCost) {
                bestCost = c;
                best = g;
            }
        }
        return best;
    }

    /** Whether some subgraph resolving {@code type.field} can be entered with a key this subgraph can give. */
    private boolean keyReachable(TypeInfo type, String field, String graph, List<Selection> provided) {
        for (String g : jumpTargets(type, field)) {
            TypeInfo entity = ctx.boundaries.entityIn(type, g, field);
            for (KeyInfo k : entity.resolvableKeys(g)) {
                boolean all = true;
                for (Selection sel : k.selection().getSelections()) {
                    if (sel instanceof Field kf && !ctx.provided.resolvesHere(type, kf.getName(), graph, provided)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Subgraphs that resolve {@code type.field} and can be entered with a key of {@code type}. */
    List<String> jumpTargets(TypeInfo type, String field) {
        List<String> out = new ArrayList<>();
        for (String g : ctx.supergraph.graphsResolving(type, field)) {
            if (!type.resolvableKeys(g).isEmpty()) {
                out.add(g);
            }
        }
        if (type.kind() == TypeInfo.Kind.OBJECT) {
            for (String g : ctx.supergraph.graphIds()) {
                if (!out.contains(g) && ctx.interfaceObjects.of(type, g).stream().anyMatch(i -> ctx.supergraph.resolves(i, field, g))) {
                    out.add(g);
                }
            }
        }
        return out;
    }

    /**
     * A subgraph to fetch the whole composite field {@code type.name} from, through the parent entity, when
     * something below it is out of reach from {@code graph}; null when {@code graph} reaches everything.
     */
    String betterThroughParent(TypeInfo type, String name, List<Field> fields, String graph, TypeInfo ft) {
        List<Selection> sub = FieldCollector.subSelections(fields);
        if (cost(graph, ft, sub, ctx.provided.below(type, name, graph, null), 0) < UNREACHABLE) {
            return null;
        }
        String best = null;
        int bestCost = UNREACHABLE;
        for (String g : jumpTargets(type, name)) {
            if (g.equals(graph)) {
                continue;
            }
            int c = cost(g, ft, sub, ctx.provided.below(type, name, g, null), 0);
            if (c < bestCost) {
                bestCost = c;
                best = g;
            }
        }
        return best;
    }

    /**
     * Splits a composite field whose selection is partly out of reach from {@code graph}: the reachable part
     * stays, each other part is fetched with the field again through the parent entity from a subgraph that
     * reaches it. Returns null when nothing needs splitting.
     */
    Map<String, List<Field>> splitThroughParent(TypeInfo type, String name, List<Field> fields, String graph, TypeInfo ft) {
        List<Selection> sub = FieldCollector.subSelections(fields);
        if (ft.kind() != TypeInfo.Kind.OBJECT || cost(graph, ft, sub, ctx.provided.below(type, name, graph, null), 0) < UNREACHABLE) {
            return null;
        }
        List<String> targets = jumpTargets(type, name);
        LinkedHashMap<String, List<Selection>> parts = new LinkedHashMap<>();
        for (List<Field> group : ctx.collector.collect(ft.name(), sub).values()) {
            List<Selection> g = new ArrayList<>(group);
            String where = null;
            if (cost(graph, ft, g, ctx.provided.below(type, name, graph, null), 0) < UNREACHABLE) {
                where = graph;
            } else {
                for (String t : targets) {
                    if (!t.equals(graph) && cost(t, ft, g, ctx.provided.below(type, name, t, null), 0) < UNREACHABLE) {
                        where = t;
                        break;
                    }
                }
            }
            if (where == null) {
                return null;
            }
            parts.computeIfAbsent(where, k -> new ArrayList<>()).addAll(g);
        }
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<Selection>> part : parts.entrySet()) {
            out.put(part.getKey(), List.of(fields.get(0).transform(b -> b.selectionSet(SelectionSet.newSelectionSet(part.getValue()).build()))));
        }
        return out;
    }
}
