package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Type;
import graphql.language.VariableDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLUnionType;
import io.newsgraph.gateway.supergraph.FieldInfo;
import io.newsgraph.gateway.supergraph.KeyInfo;
import io.newsgraph.gateway.supergraph.Supergraph;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * Turns a validated operation into a {@link QueryPlan}. Fields stay in the subgraph that is already fetching
 * their parent when it can resolve them ({@code @shareable} fields therefore cost nothing); otherwise the plan
 * crosses an entity boundary: the parent fetch also selects the entity's key (and any {@code @requires}
 * fields) and a batched {@code _entities} fetch to the other subgraph follows. Planning recurses to any depth;
 * fetches that do not depend on each other are placed in parallel.
 */
public final class QueryPlanner {

    private static final int MAX_DEPTH = 256;
    private static final int UNREACHABLE = 1000;
    private static final Field TYPENAME = Field.newField("__typename").build();

    private final Supergraph supergraph;

    public QueryPlanner(Supergraph supergraph) {
        this.supergraph = supergraph;
    }

    /**
     * Plans one operation of a validated document.
     *
     * @param conditions values of the variables used by {@code @skip}/{@code @include}: the plan is specific to them
     */
    public QueryPlan plan(OperationDefinition operation, Map<String, FragmentDefinition> fragments, Map<String, Boolean> conditions) {
        FieldCollector collector = new FieldCollector(supergraph.apiSchema(), fragments, conditions);
        return new Build(collector, operation).run();
    }

    private final class Build {
        private final FieldCollector collector;
        private final OperationDefinition operation;
        private final List<FetchNode> fetches = new ArrayList<>();
        private final Map<String, FetchNode> jumps = new HashMap<>();
        private final Map<String, List<String>> possibleTypesCache = new HashMap<>();
        /** Subgraphs that may have produced the value-type object at a response path (see sharedUnionMembers). */
        private final Map<List<PathElement>, Set<String>> valueSources = new HashMap<>();
        /** Representations being planned (fetch|path|subgraph|type): meeting one again means it needs itself. */
        private final Set<String> representing = new HashSet<>();
        /** Gateway aliases of required fields with arguments, by the field as printed with its arguments. */
        private final Map<String, String> requirementAliases = new HashMap<>();

        Build(FieldCollector collector, OperationDefinition operation) {
            this.collector = collector;
            this.operation = operation;
        }

        QueryPlan run() {
            boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
            if (operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION) {
                throw new PlanningException("subscriptions are not supported");
            }
            String rootName = mutation ? supergraph.mutationType() : supergraph.queryType();
            TypeInfo root = supergraph.type(rootName);
            LinkedHashMap<String, List<Field>> groups = collector.collect(rootName, operation.getSelectionSet().getSelections());
            boolean introspection = false;
            List<FetchNode> roots = new ArrayList<>();
            if (mutation) {
                FetchNode current = null;
                for (Map.Entry<String, List<Field>> e : groups.entrySet()) {
                    String name = e.getValue().get(0).getName();
                    if (name.startsWith("__")) {
                        continue;
                    }
                    String graph = chooseRootGraph(root, e.getValue(), current == null ? Set.of() : Set.of(current.graph()));
                    if (current == null || !current.graph().equals(graph)) {
                        current = newFetch(graph, "mutation", false, List.of(), null);
                        roots.add(current);
                    }
                    LinkedHashMap<String, List<Field>> one = new LinkedHashMap<>();
                    one.put(e.getKey(), e.getValue());
                    planFields(current, graph, current.selection(), List.of(), root, one, null, 0);
                }
            } else {
                LinkedHashMap<String, LinkedHashMap<String, List<Field>>> byGraph = new LinkedHashMap<>();
                for (Map.Entry<String, List<Field>> e : groups.entrySet()) {
                    String name = e.getValue().get(0).getName();
                    if (name.startsWith("__")) {
                        introspection |= name.equals("__schema") || name.equals("__type");
                        continue;
                    }
                    if (splitRootField(root, e.getKey(), e.getValue(), byGraph)) {
                        continue;
                    }
                    String graph = chooseRootGraph(root, e.getValue(), byGraph.keySet());
                    byGraph.computeIfAbsent(graph, g -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
                }
                for (Map.Entry<String, LinkedHashMap<String, List<Field>>> e : byGraph.entrySet()) {
                    FetchNode f = newFetch(e.getKey(), "query", false, List.of(), null);
                    roots.add(f);
                    planFields(f, e.getKey(), f.selection(), List.of(), root, e.getValue(), null, 0);
                }
            }
            Map<String, String> definitions = new HashMap<>();
            for (VariableDefinition v : operation.getVariableDefinitions()) {
                definitions.put(v.getName(), AstPrinter.printAst(v.getType())
                        + (v.getDefaultValue() == null ? "" : "=" + AstPrinter.printAst(v.getDefaultValue())));
            }
            for (FetchNode f : fetches) {
                f.finish(definitions);
            }
            PlanNode node = new PlanTree(fetches).build(roots, mutation);
            return new QueryPlan(node, List.copyOf(fetches), operation, collector, rootName, introspection);
        }

        private FetchNode newFetch(String graph, String kind, boolean entity, List<PathElement> path, FetchNode parent) {
            FetchNode f = new FetchNode(fetches.size(), graph, supergraph.subgraph(graph).name(), kind, entity, path, parent);
            if (parent != null) {
                f.dependencies.add(parent);
            }
            fetches.add(f);
            return f;
        }

        private String chooseRootGraph(TypeInfo root, List<Field> fields, Set<String> preferred) {
            String name = fields.get(0).getName();
            List<String> candidates = supergraph.graphsResolving(root, name);
            if (candidates.isEmpty()) {
                throw new PlanningException("no subgraph resolves " + root.name() + "." + name);
            }
            return cheapest(candidates, root, name, fields, preferred);
        }

        private String cheapest(List<String> candidates, TypeInfo parent, String name, List<Field> fields, Set<String> preferred) {
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            FieldInfo fi = parent.field(name);
            TypeInfo type = supergraph.type(fi.typeName());
            String best = null;
            int bestCost = Integer.MAX_VALUE;
            for (String g : candidates) {
                int c = preferred.contains(g) ? 0 : 1;
                if (type != null && type.isComposite()) {
                    c += cost(g, type, FieldCollector.subSelections(fields), childProvided(parent, name, g, null), 0);
                }
                if (c < bestCost) {
                    bestCost = c;
                    best = g;
                }
            }
            return best;
        }

        /**
         * Whether {@code type.field} has {@code @requires} in {@code graph} that this fetch does not already carry in its
         * representations (it does when this is the entity fetch made for the field).
         */
        private boolean needsRequiresFirst(FetchNode fetch, List<PathElement> path, TypeInfo type, String field, String graph) {
            SelectionSet requires = supergraph.requires(type, field, graph);
            if (requires == null) {
                return false;
            }
            if (fetch.isEntityFetch() && fetch.path().equals(stripTypeConditions(path))) {
                SelectionTree rep = fetch.representations().get(type.name());
                if (rep != null) {
                    for (Selection sel : requirement(requires)) {
                        if (sel instanceof Field f && !rep.fields().containsKey(f.getResultKey())) {
                            return true;
                        }
                    }
                    return false;
                }
                if (fetch.representations().containsKey(type.name()) || !fetch.representationTypenames().isEmpty()) {
                    return false;
                }
            }
            return true;
        }

        /** Whether some subgraph resolving {@code type.field} can be entered with a key this subgraph can give. */
        private boolean keyReachable(TypeInfo type, String field, String graph, List<Selection> provided) {
            for (String g : jumpTargets(type, field)) {
                TypeInfo entity = entityIn(type, g, field);
                for (KeyInfo k : entity.resolvableKeys(g)) {
                    boolean all = true;
                    for (Selection sel : k.selection().getSelections()) {
                        if (sel instanceof Field kf && !resolvesHere(type, kf.getName(), graph, provided)) {
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

        /**
         * Splits a composite field whose selection is partly out of reach from {@code graph}: the reachable part
         * stays, each other part is fetched with the field again through the parent entity from a subgraph that
         * reaches it. Returns null when nothing needs splitting.
         */
        private Map<String, List<Field>> splitThroughParent(TypeInfo type, String name, List<Field> fields, String graph, TypeInfo ft) {
            List<Selection> sub = FieldCollector.subSelections(fields);
            if (ft.kind() != TypeInfo.Kind.OBJECT || cost(graph, ft, sub, childProvided(type, name, graph, null), 0) < UNREACHABLE) {
                return null;
            }
            List<String> targets = jumpTargets(type, name);
            LinkedHashMap<String, List<Selection>> parts = new LinkedHashMap<>();
            for (List<Field> group : collector.collect(ft.name(), sub).values()) {
                List<Selection> g = new ArrayList<>(group);
                String where = null;
                if (cost(graph, ft, g, childProvided(type, name, graph, null), 0) < UNREACHABLE) {
                    where = graph;
                } else {
                    for (String t : targets) {
                        if (!t.equals(graph) && cost(t, ft, g, childProvided(type, name, t, null), 0) < UNREACHABLE) {
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

        private String betterThroughParent(TypeInfo type, String name, List<Field> fields, String graph, TypeInfo ft) {
            List<Selection> sub = FieldCollector.subSelections(fields);
            if (cost(graph, ft, sub, childProvided(type, name, graph, null), 0) < UNREACHABLE) {
                return null;
            }
            String best = null;
            int bestCost = UNREACHABLE;
            for (String g : jumpTargets(type, name)) {
                if (g.equals(graph)) {
                    continue;
                }
                int c = cost(g, ft, sub, childProvided(type, name, g, null), 0);
                if (c < bestCost) {
                    bestCost = c;
                    best = g;
                }
            }
            return best;
        }

        /**
         * A root field no single subgraph can answer whole (shared root fields returning value types): each
         * subgraph gets the field with the part of its selection it can answer, and the answers merge.
         */
        private boolean splitRootField(TypeInfo root, String key, List<Field> fields, LinkedHashMap<String, LinkedHashMap<String, List<Field>>> byGraph) {
            String name = fields.get(0).getName();
            List<String> candidates = supergraph.graphsResolving(root, name);
            TypeInfo ft = supergraph.type(root.field(name).typeName());
            if (candidates.size() < 2 || ft == null || ft.kind() != TypeInfo.Kind.OBJECT) {
                return false;
            }
            List<Selection> sub = FieldCollector.subSelections(fields);
            for (String g : candidates) {
                if (cost(g, ft, sub, null, 0) < UNREACHABLE) {
                    return false;
                }
            }
            LinkedHashMap<String, List<Selection>> parts = new LinkedHashMap<>();
            for (List<Field> group : collector.collect(ft.name(), sub).values()) {
                String g = candidates.stream().filter(c -> cost(c, ft, new ArrayList<>(group), null, 0) < UNREACHABLE).findFirst().orElse(null);
                if (g == null) {
                    return false;
                }
                parts.computeIfAbsent(g, k -> new ArrayList<>()).addAll(group);
            }
            for (Map.Entry<String, List<Selection>> part : parts.entrySet()) {
                Field narrowed = fields.get(0).transform(b -> b.selectionSet(SelectionSet.newSelectionSet(part.getValue()).build()));
                byGraph.computeIfAbsent(part.getKey(), g -> new LinkedHashMap<>()).put(key, List.of(narrowed));
            }
            return true;
        }

        /** Entity fetches needed if {@code sels} on {@code type} were fetched from {@code graph}. */
        private int cost(String graph, TypeInfo type, List<Selection> sels, List<Selection> provided, int depth) {
            if (depth > 16 || sels.isEmpty()) {
                return 0;
            }
            if (type.isAbstract()) {
                int c = 0;
                for (String concrete : possibleTypes(type)) {
                    if (supergraph.isMemberIn(type, concrete, graph)) {
                        c += cost(graph, supergraph.type(concrete), sels, provided, depth + 1);
                    }
                }
                return c;
            }
            int c = 0;
            for (List<Field> fields : collector.collect(type.name(), sels).values()) {
                String name = fields.get(0).getName();
                FieldInfo fi = type.field(name);
                if (name.startsWith("__") || fi == null) {
                    continue;
                }
                if (resolvesHere(type, name, graph, provided)) {
                    TypeInfo ft = supergraph.type(fi.typeName());
                    if (ft != null && ft.isComposite()) {
                        c += cost(graph, ft, FieldCollector.subSelections(fields), childProvided(type, name, graph, provided), depth + 1);
                    }
                } else {
                    c += keyReachable(type, name, graph, provided) ? 1 : UNREACHABLE;
                }
            }
            return c;
        }

        private Set<FetchNode> planSelection(FetchNode fetch, String graph, SelectionTree target, List<PathElement> path, TypeInfo type,
                List<Selection> sels, List<Selection> provided, int depth) {
            return planSelection(fetch, graph, target, path, type, sels, provided, depth, null);
        }

        /**
         * A union-typed field that several subgraphs resolve (shareable) may be served by any of them, so its
         * possible runtime types are only the members every one of those subgraphs declares. Fragments on the
         * other members are not fetched and their fields complete as null, as with @apollo/gateway.
         * Returns null when nothing is to be narrowed.
         */
        private Set<String> sharedUnionMembers(TypeInfo parent, String field, TypeInfo fieldType, List<PathElement> parentPath,
                List<PathElement> fieldPath) {
            Set<String> graphs = new LinkedHashSet<>(parent.graphs().stream().filter(g -> supergraph.resolves(parent, field, g)).toList());
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
            for (String concrete : possibleTypes(fieldType)) {
                if (graphs.stream().allMatch(g -> supergraph.isMemberIn(fieldType, concrete, g))) {
                    shared.add(concrete);
                }
            }
            return shared;
        }

        private Set<FetchNode> planSelection(FetchNode fetch, String graph, SelectionTree target, List<PathElement> path, TypeInfo type,
                List<Selection> sels, List<Selection> provided, int depth, Set<String> allowedMembers) {
            if (!type.isAbstract()) {
                return planFields(fetch, graph, target, path, type, collector.collect(type.name(), sels), provided, depth);
            }
            if (type.interfaceObjectGraphs().contains(graph)) {
                return planThroughInterfaceOwner(fetch, graph, target, path, type, sels, provided, depth);
            }
            target.field("__typename", "__typename", List.of(), false);
            Set<FetchNode> created = new LinkedHashSet<>();
            Set<String> handled = planInterfaceObjectFields(fetch, graph, target, path, type, sels, provided, depth, created);
            if (possibleTypes(type).stream().noneMatch(c -> supergraph.isMemberIn(type, c, graph))) {
                // No object type of this subgraph can stand for the abstract type: fields asked at its level are
                // fetched at that level, and one the subgraph does not resolve itself has no route.
                LinkedHashMap<String, List<Field>> atInterface = collector.collect(type.name(), sels);
                atInterface.keySet().removeAll(handled);
                for (List<Field> fs : atInterface.values()) {
                    String name = fs.get(0).getName();
                    if (!name.startsWith("__") && type.field(name) != null && !resolvesHere(type, name, graph, provided)) {
                        throw new PlanningException("cannot reach " + type.name() + "." + name + " from subgraph "
                                + supergraph.subgraph(graph).name());
                    }
                }
                created.addAll(planFields(fetch, graph, target, path, type, atInterface, provided, depth + 1));
                return created;
            }
            for (String concrete : possibleTypes(type)) {
                if (!supergraph.isMemberIn(type, concrete, graph) || (allowedMembers != null && !allowedMembers.contains(concrete))) {
                    continue;
                }
                LinkedHashMap<String, List<Field>> groups = collector.collect(concrete, sels);
                groups.keySet().removeAll(handled);
                if (groups.values().stream().allMatch(fs -> fs.get(0).getName().equals("__typename"))) {
                    continue;
                }
                SelectionTree sub = target.fragment(concrete);
                created.addAll(planFields(fetch, graph, sub, append(path, PathElement.typeCondition(concrete)), supergraph.type(concrete),
                        groups, provided, depth + 1));
            }
            aliasConflicts(target, graph);
            return created;
        }

        private Set<FetchNode> planFields(FetchNode fetch, String graph, SelectionTree target, List<PathElement> path, TypeInfo type,
                LinkedHashMap<String, List<Field>> groups, List<Selection> provided, int depth) {
            if (depth > MAX_DEPTH) {
                throw new PlanningException("operation too deep to plan");
            }
            Set<FetchNode> created = new LinkedHashSet<>();
            LinkedHashMap<String, LinkedHashMap<String, List<Field>>> away = new LinkedHashMap<>();
            for (Map.Entry<String, List<Field>> e : groups.entrySet()) {
                String key = e.getKey();
                List<Field> fields = e.getValue();
                Field first = fields.get(0);
                String name = first.getName();
                if (name.equals("__typename")) {
                    target.field(key, name, List.of(), false);
                    continue;
                }
                if (name.startsWith("__")) {
                    continue;
                }
                FieldInfo fi = type.field(name);
                if (fi == null) {
                    throw new PlanningException("unknown field " + type.name() + "." + name);
                }
                if (resolvesHere(type, name, graph, provided) && needsRequiresFirst(fetch, path, type, name, graph)) {
                    // Resolvable here, but only once its @requires fields are known: an entity fetch to this same
                    // subgraph after them.
                    away.computeIfAbsent(graph, g -> new LinkedHashMap<>()).put(key, fields);
                } else if (resolvesHere(type, name, graph, provided)) {
                    TypeInfo ft = supergraph.type(fi.typeName());
                    boolean composite = ft != null && ft.isComposite();
                    if (composite && provided == null) {
                        // Below this field something is out of reach from this subgraph (a value type without keys):
                        // fetch the whole field through the parent entity from a subgraph that reaches everything.
                        String better = betterThroughParent(type, name, fields, graph, ft);
                        if (better != null) {
                            away.computeIfAbsent(better, g -> new LinkedHashMap<>()).put(key, fields);
                            continue;
                        }
                        Map<String, List<Field>> parts = splitThroughParent(type, name, fields, graph, ft);
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
                    SelectionTree.FieldNode node = target.field(key, name, first.getArguments(), composite);
                    if (composite && ft.isAbstract()) {
                        // The subgraph may declare the field with a narrower type (an object where the supergraph has
                        // an interface or union): plan for what it will return, and ask for __typename.
                        TypeInfo local = supergraph.type(supergraph.localTypeName(type, name, graph));
                        if (local != null && local != ft && local.kind() == TypeInfo.Kind.OBJECT) {
                            node.selection().field("__typename", "__typename", List.of(), false);
                            ft = local;
                        }
                    }
                    if (composite) {
                        created.addAll(planSelection(fetch, graph, node.selection(), append(path, PathElement.field(key, listDepth(fi.type()))), ft,
                                FieldCollector.subSelections(fields), childProvided(type, name, graph, provided), depth + 1,
                                sharedUnionMembers(type, name, ft, path, append(path, PathElement.field(key, listDepth(fi.type()))))));
                    }
                } else {
                    List<String> targets = jumpTargets(type, name);
                    if (targets.isEmpty()) {
                        throw new PlanningException("cannot reach " + type.name() + "." + name + " from subgraph "
                                + supergraph.subgraph(graph).name());
                    }
                    String to = cheapest(targets, type, name, fields, away.keySet());
                    away.computeIfAbsent(to, g -> new LinkedHashMap<>()).put(key, fields);
                }
            }
            for (Map.Entry<String, LinkedHashMap<String, List<Field>>> e : away.entrySet()) {
                List<LinkedHashMap<String, List<Field>>> groupsTo = requirementGroups(type, e.getKey(), e.getValue());
                for (int i = 0; i < groupsTo.size(); i++) {
                    created.addAll(jump(fetch, graph, target, path, type, e.getKey(), groupsTo.get(i), provided, depth, i == 0 ? "" : "#" + i));
                }
            }
            return created;
        }

        /** Fetches {@code fields} of the entity at {@code path} from subgraph {@code to}, through {@code _entities}. */
        private Set<FetchNode> jump(FetchNode fetch, String graph, SelectionTree target, List<PathElement> path, TypeInfo type, String to,
                LinkedHashMap<String, List<Field>> fields, List<Selection> provided, int depth) {
            return jump(fetch, graph, target, path, type, to, fields, provided, depth, "");
        }

        /**
         * {@code variant} tells apart entity fetches to one subgraph at one path that cannot share a representation
         * (their {@code @requires} ask one field with different arguments).
         */
        private Set<FetchNode> jump(FetchNode fetch, String graph, SelectionTree target, List<PathElement> path, TypeInfo type, String to,
                LinkedHashMap<String, List<Field>> fields, List<Selection> provided, int depth, String variant) {
            TypeInfo entity = entityIn(type, to, fields.values().iterator().next().get(0).getName());
            List<KeyInfo> keys = entity.resolvableKeys(to);
            KeyInfo key = null;
            for (KeyInfo k : keys) {
                if (cost(graph, type, new ArrayList<>(k.selection().getSelections()), provided, 0) == 0) {
                    key = k;
                    break;
                }
            }
            if (key == null) {
                key = keys.get(0);
            }
            // Objects of several types at one path share one _entities request: the representation shapes are
            // chosen per __typename at run time, so a trailing type condition is not needed in the merge path.
            List<PathElement> mergePath = path;
            while (!mergePath.isEmpty() && mergePath.get(mergePath.size() - 1).isTypeCondition()) {
                mergePath = mergePath.subList(0, mergePath.size() - 1);
            }
            FetchNode entityFetch = entityFetch(fetch, mergePath, to, variant);
            List<Selection> representation = new ArrayList<>();
            representation.add(TYPENAME);
            representation.addAll(key.selection().getSelections());
            for (List<Field> fs : fields.values()) {
                SelectionSet requires = supergraph.requires(entity, fs.get(0).getName(), to);
                if (requires != null) {
                    representation.addAll(requirement(requires));
                }
            }
            Set<FetchNode> created = new LinkedHashSet<>();
            created.add(entityFetch);
            // The representation is planned before this fetch runs: what it needs from the same subgraph is a
            // separate, earlier fetch, never this one.
            String jumpKey = fetch.id() + "|" + entityFetch.path() + "|" + to + variant;
            String representationKey = jumpKey + "|" + type.name();
            if (!representing.add(representationKey)) {
                throw new PlanningException("cannot reach the key of " + type.name() + " in subgraph " + supergraph.subgraph(to).name()
                        + " from subgraph " + supergraph.subgraph(graph).name());
            }
            jumps.remove(jumpKey);
            Set<FetchNode> feeding = planFields(fetch, graph, target, path, type, collector.collect(type.name(), representation), provided, depth + 1);
            jumps.put(jumpKey, entityFetch);
            representing.remove(representationKey);
            created.addAll(feeding);
            entityFetch.dependencies.addAll(feeding);
            entityFetch.dependencies.remove(entityFetch);
            SelectionTree rep = entityFetch.representations().computeIfAbsent(type.name(), t -> new SelectionTree());
            addAll(rep, representation);
            if (entity != type) {
                entityFetch.representationTypenames().put(type.name(), entity.name());
            }
            SelectionTree sub = entityFetch.selection().fragment(entity.name());
            created.addAll(planFields(entityFetch, to, sub, path, entity, fields, null, depth + 1));
            return created;
        }

        private FetchNode entityFetch(FetchNode parent, List<PathElement> mergePath, String to, String variant) {
            String jumpKey = parent.id() + "|" + mergePath + "|" + to + variant;
            FetchNode entityFetch = jumps.get(jumpKey);
            if (entityFetch == null) {
                entityFetch = newFetch(to, "query", true, mergePath, parent);
                jumps.put(jumpKey, entityFetch);
            }
            return entityFetch;
        }

        /**
         * A {@code @requires} selection as planned: every field with arguments gets an alias of the gateway's own,
         * one per field and argument values, so that two fields requiring one field with different arguments each
         * get their own value (the representation sends it under the field's name).
         */
        private List<Selection> requirement(SelectionSet requires) {
            List<Selection> out = new ArrayList<>(requires.getSelections().size());
            for (Selection s : requires.getSelections()) {
                out.add(aliasArguments(s));
            }
            return out;
        }

        private Selection aliasArguments(Selection s) {
            if (s instanceof Field f) {
                SelectionSet sub = f.getSelectionSet() == null ? null : SelectionSet.newSelectionSet(requirement(f.getSelectionSet())).build();
                if (f.getArguments().isEmpty()) {
                    return sub == null ? f : f.transform(b -> b.selectionSet(sub));
                }
                StringBuilder printed = new StringBuilder(f.getName());
                f.getArguments().forEach(a -> printed.append('|').append(AstPrinter.printAst(a)));
                String alias = requirementAliases.computeIfAbsent(printed.toString(), k -> f.getName() + "__r" + requirementAliases.size());
                return f.transform(b -> b.alias(alias).selectionSet(sub));
            }
            if (s instanceof InlineFragment in) {
                return in.transform(b -> b.selectionSet(SelectionSet.newSelectionSet(requirement(in.getSelectionSet())).build()));
            }
            return s;
        }

        /**
         * Splits the fields going to one subgraph into groups whose {@code @requires} can share one representation:
         * a field that requires a field another one also requires, with other arguments, goes to a fetch of its own.
         */
        private List<LinkedHashMap<String, List<Field>>> requirementGroups(TypeInfo type, String to, LinkedHashMap<String, List<Field>> fields) {
            if (fields.size() < 2) {
                return List.of(fields);
            }
            TypeInfo entity = entityIn(type, to, fields.values().iterator().next().get(0).getName());
            List<LinkedHashMap<String, List<Field>>> groups = new ArrayList<>();
            List<List<Selection>> required = new ArrayList<>();
            for (Map.Entry<String, List<Field>> e : fields.entrySet()) {
                SelectionSet requires = supergraph.requires(entity, e.getValue().get(0).getName(), to);
                List<Selection> mine = requires == null ? List.of() : requirement(requires);
                int g = 0;
                while (g < groups.size() && RequirementConflicts.between(required.get(g), mine)) {
                    g++;
                }
                if (g == groups.size()) {
                    groups.add(new LinkedHashMap<>());
                    required.add(new ArrayList<>());
                }
                groups.get(g).put(e.getKey(), e.getValue());
                required.get(g).addAll(mine);
            }
            return groups;
        }

        /**
         * The entity type to send representations of: the type itself when {@code to} has a key for it, otherwise
         * an interface of it that {@code to} declares as {@code @interfaceObject} (and that resolves {@code field}).
         */
        private TypeInfo entityIn(TypeInfo type, String to, String field) {
            if (!type.resolvableKeys(to).isEmpty()) {
                return type;
            }
            for (TypeInfo i : interfaceObjectsOf(type, to)) {
                if (supergraph.resolves(i, field, to)) {
                    return i;
                }
            }
            return type;
        }

        private List<TypeInfo> interfaceObjectsOf(TypeInfo type, String graph) {
            List<TypeInfo> out = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            type.interfacesByGraph().values().forEach(seen::addAll);
            if (supergraph.apiSchema().getType(type.name()) instanceof GraphQLObjectType o) {
                o.getInterfaces().forEach(i -> seen.add(i.getName()));
            }
            for (String name : seen) {
                TypeInfo i = supergraph.type(name);
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
        private Set<FetchNode> planThroughInterfaceOwner(FetchNode fetch, String graph, SelectionTree target, List<PathElement> path,
                TypeInfo type, List<Selection> sels, List<Selection> provided, int depth) {
            String owner = null;
            for (String g : supergraph.graphIds()) {
                if (!type.interfaceObjectGraphs().contains(g) && !type.resolvableKeys(g).isEmpty()
                        && possibleTypes(type).stream().anyMatch(c -> supergraph.isMemberIn(type, c, g))) {
                    owner = g;
                    break;
                }
            }
            LinkedHashMap<String, List<Field>> atInterface = collector.collect(type.name(), sels);
            if (owner == null || !needsConcreteTypes(type, graph, sels, atInterface)) {
                // Everything asked is answered at the interface level: no need to learn the concrete types.
                target.field("__typename", "__typename", List.of(), false);
                return planFields(fetch, graph, target, path, type, atInterface, provided, depth + 1);
            }
            KeyInfo key = type.resolvableKeys(owner).get(0);
            for (KeyInfo k : type.resolvableKeys(owner)) {
                if (cost(graph, type, new ArrayList<>(k.selection().getSelections()), provided, 0) == 0) {
                    key = k;
                    break;
                }
            }
            List<PathElement> mergePath = path;
            while (!mergePath.isEmpty() && mergePath.get(mergePath.size() - 1).isTypeCondition()) {
                mergePath = mergePath.subList(0, mergePath.size() - 1);
            }
            FetchNode entityFetch = entityFetch(fetch, mergePath, owner, "");
            List<Selection> representation = new ArrayList<>();
            representation.add(TYPENAME);
            representation.addAll(key.selection().getSelections());
            Set<FetchNode> created = new LinkedHashSet<>();
            created.add(entityFetch);
            Set<FetchNode> feeding = planFields(fetch, graph, target, path, type, collector.collect(type.name(), representation), provided, depth + 1);
            created.addAll(feeding);
            entityFetch.dependencies.addAll(feeding);
            entityFetch.dependencies.remove(entityFetch);
            addAll(entityFetch.representations().computeIfAbsent(type.name(), t -> new SelectionTree()), representation);
            SelectionTree sub = entityFetch.selection().fragment(type.name());
            created.addAll(planSelection(entityFetch, owner, sub, path, type, sels, null, depth + 1));
            return created;
        }

        /**
         * Fields selected on an interface itself that only an {@code @interfaceObject} subgraph resolves at the
         * interface level: fetched from it for every object at this path, with the interface as representation type.
         * Returns the response keys so handled.
         */
        private Set<String> planInterfaceObjectFields(FetchNode fetch, String graph, SelectionTree target, List<PathElement> path, TypeInfo type,
                List<Selection> sels, List<Selection> provided, int depth, Set<FetchNode> created) {
            if (type.kind() != TypeInfo.Kind.INTERFACE || type.interfaceObjectGraphs().isEmpty()) {
                return Set.of();
            }
            LinkedHashMap<String, LinkedHashMap<String, List<Field>>> byGraph = new LinkedHashMap<>();
            for (Map.Entry<String, List<Field>> e : collector.collect(type.name(), sels).entrySet()) {
                String name = e.getValue().get(0).getName();
                if (name.startsWith("__") || type.field(name) == null || supergraph.resolves(type, name, graph)) {
                    continue;
                }
                for (String g : type.interfaceObjectGraphs()) {
                    if (supergraph.resolves(type, name, g) && !type.resolvableKeys(g).isEmpty()) {
                        byGraph.computeIfAbsent(g, k -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
                        break;
                    }
                }
            }
            Set<String> handled = new LinkedHashSet<>();
            for (Map.Entry<String, LinkedHashMap<String, List<Field>>> e : byGraph.entrySet()) {
                Set<FetchNode> made = jump(fetch, graph, target, path, type, e.getKey(), e.getValue(), provided, depth);
                created.addAll(made);
                FetchNode entityFetch = made.iterator().next();
                SelectionTree rep = entityFetch.representations().get(type.name());
                for (String concrete : possibleTypes(type)) {
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
                if (name.equals("__typename") || !supergraph.resolves(type, name, graph)) {
                    return true;
                }
            }
            for (String concrete : possibleTypes(type)) {
                if (!collector.collect(concrete, sels).keySet().equals(atInterface.keySet())) {
                    return true;
                }
            }
            return false;
        }

        /**
         * Fragments of one selection that select one response key with different types in this subgraph (say
         * {@code ID!} on one type, {@code ID} on another) make the subgraph reject the query: such fields are sent
         * under an alias of their own and renamed back when the answer arrives.
         */
        private void aliasConflicts(SelectionTree target, String graph) {
            if (target.fragments().size() < 2) {
                return;
            }
            Map<String, String> seen = new HashMap<>();
            for (Map.Entry<String, SelectionTree> fragment : target.fragments().entrySet()) {
                TypeInfo t = supergraph.type(fragment.getKey());
                if (t == null) {
                    continue;
                }
                for (Map.Entry<String, SelectionTree.FieldNode> e : fragment.getValue().fields().entrySet()) {
                    SelectionTree.FieldNode node = e.getValue();
                    if (node.name().startsWith("__")) {
                        continue;
                    }
                    String local = supergraph.localTypeString(t, node.name(), graph);
                    String first = seen.putIfAbsent(e.getKey(), local);
                    if (first != null && !first.equals(local)) {
                        node.sendAs(e.getKey() + "__" + fragment.getKey(), e.getKey());
                    }
                }
            }
        }

        /** Subgraphs that resolve {@code type.field} and can be entered with a key of {@code type}. */
        private List<String> jumpTargets(TypeInfo type, String field) {
            List<String> out = new ArrayList<>();
            for (String g : supergraph.graphsResolving(type, field)) {
                if (!type.resolvableKeys(g).isEmpty()) {
                    out.add(g);
                }
            }
            if (type.kind() == TypeInfo.Kind.OBJECT) {
                for (String g : supergraph.graphIds()) {
                    if (!out.contains(g) && interfaceObjectsOf(type, g).stream().anyMatch(i -> supergraph.resolves(i, field, g))) {
                        out.add(g);
                    }
                }
            }
            return out;
        }

        private boolean resolvesHere(TypeInfo type, String field, String graph, List<Selection> provided) {
            return supergraph.resolves(type, field, graph) || (provided != null && provides(provided, field, type.name()));
        }

        private boolean provides(List<Selection> provided, String field, String typeName) {
            for (Selection s : provided) {
                if (s instanceof Field f && f.getName().equals(field)) {
                    return true;
                }
                if (s instanceof InlineFragment in && (in.getTypeCondition() == null || collector.applies(in.getTypeCondition().getName(), typeName))
                        && provides(new ArrayList<>(in.getSelectionSet().getSelections()), field, typeName)) {
                    return true;
                }
            }
            return false;
        }

        /** What {@code @provides} makes resolvable below {@code type.field} when fetched from {@code graph}. */
        private List<Selection> childProvided(TypeInfo type, String field, String graph, List<Selection> provided) {
            List<Selection> out = new ArrayList<>();
            if (provided != null) {
                collectProvided(provided, field, type.name(), out);
            }
            if (supergraph.resolves(type, field, graph)) {
                SelectionSet own = supergraph.provides(type, field, graph);
                if (own != null) {
                    out.addAll(own.getSelections());
                }
            }
            return out.isEmpty() ? null : out;
        }

        private void collectProvided(List<Selection> provided, String field, String typeName, List<Selection> out) {
            for (Selection s : provided) {
                if (s instanceof Field f && f.getName().equals(field) && f.getSelectionSet() != null) {
                    out.addAll(f.getSelectionSet().getSelections());
                } else if (s instanceof InlineFragment in
                        && (in.getTypeCondition() == null || collector.applies(in.getTypeCondition().getName(), typeName))) {
                    collectProvided(new ArrayList<>(in.getSelectionSet().getSelections()), field, typeName, out);
                }
            }
        }

        /**
         * Concrete types of an abstract type as the supergraph knows them, @inaccessible ones included: subgraphs
         * return them (and @requires may select their fields) even though clients cannot name them.
         */
        private List<String> possibleTypes(TypeInfo type) {
            return possibleTypesCache.computeIfAbsent(type.name(), n -> {
                List<String> out = new ArrayList<>();
                if (type.kind() == TypeInfo.Kind.UNION) {
                    Set<String> members = new LinkedHashSet<>();
                    type.membersByGraph().values().forEach(members::addAll);
                    out.addAll(members);
                } else {
                    for (TypeInfo t : supergraph.types().values()) {
                        if (t.kind() == TypeInfo.Kind.OBJECT && t.interfacesByGraph().values().stream().anyMatch(is -> is.contains(type.name()))) {
                            out.add(t.name());
                        }
                    }
                }
                if (out.isEmpty()) {
                    GraphQLNamedType api = supergraph.apiSchema().getType(type.name()) instanceof GraphQLNamedType nt ? nt : null;
                    if (api instanceof GraphQLUnionType u) {
                        u.getTypes().forEach(t -> out.add(t.getName()));
                    } else if (api instanceof GraphQLInterfaceType i) {
                        supergraph.apiSchema().getImplementations(i).forEach(o -> out.add(o.getName()));
                    }
                }
                return out;
            });
        }

        private void addAll(SelectionTree tree, List<Selection> sels) {
            for (Selection s : sels) {
                if (s instanceof Field f) {
                    boolean composite = f.getSelectionSet() != null;
                    SelectionTree.FieldNode node = tree.field(f.getResultKey(), f.getName(), List.of(), composite);
                    if (composite) {
                        addAll(node.selection(), new ArrayList<>(f.getSelectionSet().getSelections()));
                    }
                } else if (s instanceof InlineFragment in) {
                    List<Selection> inner = new ArrayList<>(in.getSelectionSet().getSelections());
                    if (in.getTypeCondition() == null) {
                        addAll(tree, inner);
                        continue;
                    }
                    // Representations are built per object by its __typename: one fragment per concrete type.
                    TypeInfo condition = supergraph.type(in.getTypeCondition().getName());
                    List<String> concrete = condition != null && condition.isAbstract() ? possibleTypes(condition)
                            : List.of(in.getTypeCondition().getName());
                    for (String c : concrete) {
                        addAll(tree.fragment(c), inner);
                    }
                }
            }
        }
    }

    static List<PathElement> stripTypeConditions(List<PathElement> path) {
        List<PathElement> p = path;
        while (!p.isEmpty() && p.get(p.size() - 1).isTypeCondition()) {
            p = p.subList(0, p.size() - 1);
        }
        return p;
    }

    static int listDepth(Type<?> type) {
        return switch (type) {
            case NonNullType n -> listDepth(n.getType());
            case ListType l -> 1 + listDepth(l.getType());
            default -> 0;
        };
    }

    static List<PathElement> append(List<PathElement> path, PathElement e) {
        List<PathElement> out = new ArrayList<>(path.size() + 1);
        out.addAll(path);
        out.add(e);
        return out;
    }
}
