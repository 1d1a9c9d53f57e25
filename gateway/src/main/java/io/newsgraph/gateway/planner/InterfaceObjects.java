package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.Selection;
import graphql.schema.GraphQLObjectType;
import io.newsgraph.gateway.supergraph.KeyInfo;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * {@code @interfaceObject}: a subgraph that knows an interface only as an object type. Interface-level fields only
 * it has are fetched from it with the interface as representation type; when it returns the interface and the
 * client needs concrete types, the subgraph that owns the interface is asked for them by key.
 */
final class InterfaceObjects {

    private final PlanningContext ctx;

    InterfaceObjects(PlanningContext ctx) {
        this.ctx = ctx;
    }

    /** Interfaces of {@code type} that {@code graph} declares as {@code @interfaceObject} with a resolvable key. */
    List<TypeInfo> of(TypeInfo type, String graph) {
        List<TypeInfo> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        type.interfacesByGraph().values().forEach(seen::addAll);
        if (ctx.supergraph.apiSchema().getType(type.name()) instanceof GraphQLObjectType o) {
            o.getInterfaces().forEach(i -> seen.add(i.getName()));
        }
        for (String name : seen) {
            TypeInfo i = ctx.supergraph.type(name);
            if (i != null && i.interfaceObjectGraphs().contains(graph) && !i.resolvableKeys(graph).isEmpty()) {
                out.add(i);
            }
        }
        return out;
    }

    /**
     * An interface this subgraph only knows as an {@code @interfaceObject}: it cannot tell the concrete types, so it
     * only supplies the key; the subgraph that owns the interface answers {@code __typename} and the selection, and
     * fields only the interface-object subgraph has are fetched back from it by key.
     */
    Set<FetchNode> planThroughOwner(Scope s, List<Selection> sels) {
        TypeInfo type = s.type();
        String graph = s.graph();
        String owner = null;
        for (String g : ctx.supergraph.graphIds()) {
            if (!type.interfaceObjectGraphs().contains(g) && !type.resolvableKeys(g).isEmpty()
                    && ctx.possibleTypes(type).stream().anyMatch(c -> ctx.supergraph.isMemberIn(type, c, g))) {
                owner = g;
                break;
            }
        }
        LinkedHashMap<String, List<Field>> atInterface = ctx.collector.collect(type.name(), sels);
        if (owner == null || !needsConcreteTypes(type, graph, sels, atInterface)) {
            // Everything asked is answered at the interface level: no need to learn the concrete types.
            s.target().field("__typename", "__typename", List.of(), false);
            return ctx.selections.planFields(s.deeper(), atInterface);
        }
        KeyInfo key = type.resolvableKeys(owner).get(0);
        for (KeyInfo k : type.resolvableKeys(owner)) {
            if (ctx.costs.cost(graph, type, new ArrayList<>(k.selection().getSelections()), s.provided(), 0) == 0) {
                key = k;
                break;
            }
        }
        FetchNode entityFetch = ctx.entityFetch(s.fetch(), s.mergePath(), owner, "");
        List<Selection> representation = new ArrayList<>();
        representation.add(EntityBoundaries.TYPENAME);
        representation.addAll(key.selection().getSelections());
        Set<FetchNode> created = new LinkedHashSet<>();
        created.add(entityFetch);
        Set<FetchNode> feeding = ctx.selections.planFields(s.deeper(), ctx.collector.collect(type.name(), representation));
        created.addAll(feeding);
        entityFetch.dependencies.addAll(feeding);
        entityFetch.dependencies.remove(entityFetch);
        ctx.boundaries.addRepresentation(entityFetch.representations().computeIfAbsent(type.name(), t -> new SelectionTree()), representation);
        SelectionTree sub = entityFetch.selection().fragment(type.name());
        created.addAll(ctx.selections.planSelection(s.in(entityFetch, sub, type), sels));
        return created;
    }

    /**
     * Fields selected on an interface itself that only an {@code @interfaceObject} subgraph resolves at the
     * interface level: fetched from it for every object at this path, with the interface as representation type.
     * Returns the response keys so handled.
     */
    Set<String> planInterfaceLevelFields(Scope s, List<Selection> sels, Set<FetchNode> created) {
        TypeInfo type = s.type();
        if (type.kind() != TypeInfo.Kind.INTERFACE || type.interfaceObjectGraphs().isEmpty()) {
            return Set.of();
        }
        LinkedHashMap<String, LinkedHashMap<String, List<Field>>> byGraph = new LinkedHashMap<>();
        for (Map.Entry<String, List<Field>> e : ctx.collector.collect(type.name(), sels).entrySet()) {
            String name = e.getValue().get(0).getName();
            if (name.startsWith("__") || type.field(name) == null || ctx.supergraph.resolves(type, name, s.graph())) {
                continue;
            }
            for (String g : type.interfaceObjectGraphs()) {
                if (ctx.supergraph.resolves(type, name, g) && !type.resolvableKeys(g).isEmpty()) {
                    byGraph.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
                    break;
                }
            }
        }
        Set<String> handled = new LinkedHashSet<>();
        for (Map.Entry<String, LinkedHashMap<String, List<Field>>> e : byGraph.entrySet()) {
            Set<FetchNode> made = ctx.boundaries.jump(s, e.getKey(), e.getValue(), "");
            created.addAll(made);
            FetchNode entityFetch = made.iterator().next();
            SelectionTree rep = entityFetch.representations().get(type.name());
            for (String concrete : ctx.possibleTypes(type)) {
                entityFetch.representations().putIfAbsent(concrete, rep);
                entityFetch.representationTypenames().put(concrete, type.name());
            }
            handled.addAll(e.getValue().keySet());
        }
        return handled;
    }

    private boolean needsConcreteTypes(TypeInfo type, String graph, List<Selection> sels, LinkedHashMap<String, List<Field>> atInterface) {
        for (List<Field> fs : atInterface.values()) {
            String name = fs.get(0).getName();
            if (name.equals("__typename") || !ctx.supergraph.resolves(type, name, graph)) {
                return true;
            }
        }
        for (String concrete : ctx.possibleTypes(type)) {
            if (!ctx.collector.collect(concrete, sels).keySet().equals(atInterface.keySet())) {
                return true;
            }
        }
        return false;
    }
}
