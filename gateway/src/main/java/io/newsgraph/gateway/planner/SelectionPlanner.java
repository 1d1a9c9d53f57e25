package io.newsgraph.gateway.planner;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.Selection;
import io.newsgraph.gateway.supergraph.FieldInfo;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * The core of planning: a selection stays in the fetch of its parent where that subgraph resolves it; what it
 * cannot resolve is grouped by the subgraph to fetch it from and handed to {@link EntityBoundaries}. Abstract
 * types are planned per concrete type the subgraph knows. Returns the fetches made below.
 */
final class SelectionPlanner {

    private static final int MAX_DEPTH = 256;

    private final PlanningContext ctx;
    /** Subgraphs that may have produced the value-type object at a response path (see sharedUnionMembers). */
    private final Map<List<PathElement>, Set<String>> valueSources = new HashMap<>();

    SelectionPlanner(PlanningContext ctx) {
        this.ctx = ctx;
    }

    Set<FetchNode> planSelection(Scope s, List<Selection> sels) {
        return planSelection(s, sels, null);
    }

    private Set<FetchNode> planSelection(Scope s, List<Selection> sels, Set<String> allowedMembers) {
        TypeInfo type = s.type();
        String graph = s.graph();
        if (!type.isAbstract()) {
            return planFields(s, ctx.collector.collect(type.name(), sels));
        }
        if (type.interfaceObjectGraphs().contains(graph)) {
            return ctx.interfaceObjects.planThroughOwner(s, sels);
        }
        s.target().field("__typename", "__typename", List.of(), false);
        Set<FetchNode> created = new LinkedHashSet<>();
        Set<String> handled = ctx.interfaceObjects.planInterfaceLevelFields(s, sels, created);
        if (ctx.possibleTypes(type).stream().noneMatch(c -> ctx.supergraph.isMemberIn(type, c, graph))) {
            // No object type of this subgraph can stand for the abstract type: fields asked at its level are
            // fetched at that level, and one the subgraph does not resolve itself has no route.
            LinkedHashMap<String, List<Field>> atInterface = ctx.collector.collect(type.name(), sels);
            atInterface.keySet().removeAll(handled);
            for (List<Field> fs : atInterface.values()) {
                String name = fs.get(0).getName();
                if (!name.startsWith("__") && type.field(name) != null && !ctx.provided.resolvesHere(type, name, graph, s.provided())) {
                    throw new PlanningException("cannot reach " + type.name() + "." + name + " from subgraph " + ctx.name(graph));
                }
            }
            created.addAll(planFields(s.deeper(), atInterface));
            return created;
        }
        for (String concrete : ctx.possibleTypes(type)) {
            if (!ctx.supergraph.isMemberIn(type, concrete, graph) || (allowedMembers != null && !allowedMembers.contains(concrete))) {
                continue;
            }
            LinkedHashMap<String, List<Field>> groups = ctx.collector.collect(concrete, sels);
            groups.keySet().removeAll(handled);
            if (groups.values().stream().allMatch(fs -> fs.get(0).getName().equals("__typename"))) {
                continue;
            }
            SelectionTree sub = s.target().fragment(concrete);
            created.addAll(planFields(s.below(sub, Scope.append(s.path(), PathElement.typeCondition(concrete)), ctx.supergraph.type(concrete),
                    s.provided()), groups));
        }
        ctx.aliasConflicts.resolve(s.target(), graph);
        return created;
    }

    Set<FetchNode> planFields(Scope s, LinkedHashMap<String, List<Field>> groups) {
        if (s.depth() > MAX_DEPTH) {
            throw new PlanningException("operation too deep to plan");
        }
        TypeInfo type = s.type();
        String graph = s.graph();
        Set<FetchNode> created = new LinkedHashSet<>();
        LinkedHashMap<String, LinkedHashMap<String, List<Field>>> away = new LinkedHashMap<>();
        for (Map.Entry<String, List<Field>> e : groups.entrySet()) {
            String key = e.getKey();
            List<Field> fields = e.getValue();
            Field first = fields.get(0);
            String name = first.getName();
            if (name.equals("__typename")) {
                s.target().field(key, name, List.of(), false);
                continue;
            }
            if (name.startsWith("__")) {
                continue;
            }
            FieldInfo fi = type.field(name);
            if (fi == null) {
                throw new PlanningException("unknown field " + type.name() + "." + name);
            }
            boolean resolvesHere = ctx.provided.resolvesHere(type, name, graph, s.provided());
            if (resolvesHere && ctx.boundaries.needsRequiresFirst(s, name)) {
                // Resolvable here, but only once its @requires fields are known: an entity fetch to this same
                // subgraph after them.
                away.computeIfAbsent(graph, g -> new LinkedHashMap<>()).put(key, fields);
            } else if (resolvesHere) {
                TypeInfo ft = ctx.supergraph.type(fi.typeName());
                boolean composite = ft != null && ft.isComposite();
                if (composite && s.provided() == null) {
                    // Below this field something is out of reach from this subgraph (a value type without keys):
                    // fetch the whole field through the parent entity from a subgraph that reaches everything.
                    String better = ctx.costs.betterThroughParent(type, name, fields, graph, ft);
                    if (better != null) {
                        away.computeIfAbsent(better, g -> new LinkedHashMap<>()).put(key, fields);
                        continue;
                    }
                    Map<String, List<Field>> parts = ctx.costs.splitThroughParent(type, name, fields, graph, ft);
                    if (parts != null) {
                        for (Map.Entry<String, List<Field>> part : parts.entrySet()) {
                            if (!part.getKey().equals(graph)) {
                                away.computeIfAbsent(part.getKey(), g -> new LinkedHashMap<>()).put(key, part.getValue());
                            }
                        }
                        fields = parts.get(graph);
                        if (fields == null) {
                            continue;
                        }
                    }
                }
                SelectionTree.FieldNode node = s.target().field(key, name, first.getArguments(), composite);
                if (composite && ft.isAbstract()) {
                    // The subgraph may declare the field with a narrower type (an object where the supergraph has
                    // an interface or union): plan for what it will return, and ask for __typename.
                    TypeInfo local = ctx.supergraph.type(ctx.supergraph.localTypeName(type, name, graph));
                    if (local != null && local != ft && local.kind() == TypeInfo.Kind.OBJECT) {
                        node.selection().field("__typename", "__typename", List.of(), false);
                        ft = local;
                    }
                }
                if (composite) {
                    List<PathElement> fieldPath = Scope.append(s.path(), PathElement.field(key, Scope.listDepth(fi.type())));
                    created.addAll(planSelection(s.below(node.selection(), fieldPath, ft, ctx.provided.below(type, name, graph, s.provided())),
                            FieldCollector.subSelections(fields), sharedUnionMembers(type, name, ft, s.path(), fieldPath)));
                }
            } else {
                List<String> targets = ctx.costs.jumpTargets(type, name);
                if (targets.isEmpty()) {
                    throw new PlanningException("cannot reach " + type.name() + "." + name + " from subgraph " + ctx.name(graph));
                }
                String to = ctx.costs.cheapest(targets, type, name, fields, away.keySet());
                away.computeIfAbsent(to, g -> new LinkedHashMap<>()).put(key, fields);
            }
        }
        for (Map.Entry<String, LinkedHashMap<String, List<Field>>> e : away.entrySet()) {
            List<LinkedHashMap<String, List<Field>>> groupsTo = ctx.boundaries.requirementGroups(type, e.getKey(), e.getValue());
            for (int i = 0; i < groupsTo.size(); i++) {
                created.addAll(ctx.boundaries.jump(s, e.getKey(), groupsTo.get(i), i == 0 ? "" : "#" + i));
            }
        }
        return created;
    }

    /**
     * A union-typed field that several subgraphs resolve (shareable) may be served by any of them, so its
     * possible runtime types are only the members every one of those subgraphs declares. Fragments on the
     * other members are not fetched and their fields complete as null, as with @apollo/gateway.
     * Returns null when nothing is to be narrowed.
     */
    private Set<String> sharedUnionMembers(TypeInfo parent, String field, TypeInfo fieldType, List<PathElement> parentPath,
            List<PathElement> fieldPath) {
        Set<String> graphs = new LinkedHashSet<>(parent.graphs().stream().filter(g -> ctx.supergraph.resolves(parent, field, g)).toList());
        // An object without a key can only come from the subgraphs that produced it.
        Set<String> parentSources = valueSources.get(parentPath);
        if (parentSources != null && parent.keys().values().stream().allMatch(List::isEmpty)) {
            graphs.retainAll(parentSources);
        }
        valueSources.put(fieldPath, graphs);
        if (fieldType.kind() != TypeInfo.Kind.UNION || fieldType.membersByGraph().isEmpty()) {
            return null;
        }
        if (graphs.size() < 2) {
            return null;
        }
        Set<String> shared = new LinkedHashSet<>();
        for (String concrete : ctx.possibleTypes(fieldType)) {
            if (graphs.stream().allMatch(g -> ctx.supergraph.isMemberIn(fieldType, concrete, g))) {
                shared.add(concrete);
            }
        }
        return shared;
    }
}
