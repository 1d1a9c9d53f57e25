package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.AstPrinter;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableDefinition;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * The first stage: which subgraph each root field goes to (query root fields of one subgraph share a fetch;
 * mutation root fields keep their order, consecutive ones of one subgraph together; a subscription's one root field is a
 * fetch of kind {@code subscription} whose answers are the subgraph's events), then the selections below, then the
 * finished plan.
 */
final class RootPlanner {

    private final PlanningContext ctx;

    RootPlanner(PlanningContext ctx) {
        this.ctx = ctx;
    }

    QueryPlan plan() {
        OperationDefinition operation = ctx.operation;
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        boolean subscription = operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION;
        if (subscription && ctx.supergraph.subscriptionType() == null) {
            throw new PlanningException("the supergraph has no subscription type");
        }
        String rootName = mutation ? ctx.supergraph.mutationType()
                : subscription ? ctx.supergraph.subscriptionType() : ctx.supergraph.queryType();
        TypeInfo root = ctx.supergraph.type(rootName);
        LinkedHashMap<String, List<Field>> groups = ctx.collector.collect(rootName, operation.getSelectionSet().getSelections());
        boolean introspection = false;
        List<FetchNode> roots = new ArrayList<>();
        if (mutation) {
            FetchNode current = null;
            for (Map.Entry<String, List<Field>> e : groups.entrySet()) {
                String name = e.getValue().get(0).getName();
                if (name.startsWith("__")) {
                    continue;
                }
                String graph = chooseGraph(root, e.getValue(), current == null ? Set.of() : Set.of(current.graph()));
                if (current == null || !current.graph().equals(graph)) {
                    current = ctx.newFetch(graph, "mutation", false, List.of(), null);
                    roots.add(current);
                }
                LinkedHashMap<String, List<Field>> one = new LinkedHashMap<>();
                one.put(e.getKey(), e.getValue());
                ctx.selections.planFields(Scope.root(current, root), one);
            }
        } else {
            LinkedHashMap<String, LinkedHashMap<String, List<Field>>> byGraph = new LinkedHashMap<>();
            for (Map.Entry<String, List<Field>> e : groups.entrySet()) {
                String name = e.getValue().get(0).getName();
                if (name.startsWith("__")) {
                    introspection |= name.equals("__schema") || name.equals("__type");
                    continue;
                }
                if (!subscription && split(root, e.getKey(), e.getValue(), byGraph)) {
                    continue;
                }
                String graph = chooseGraph(root, e.getValue(), byGraph.keySet());
                byGraph.computeIfAbsent(graph, g -> new LinkedHashMap<>()).put(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, LinkedHashMap<String, List<Field>>> e : byGraph.entrySet()) {
                FetchNode f = ctx.newFetch(e.getKey(), subscription ? "subscription" : "query", false, List.of(), null);
                roots.add(f);
                ctx.selections.planFields(Scope.root(f, root), e.getValue());
            }
        }
        Map<String, String> definitions = new HashMap<>();
        for (VariableDefinition v : operation.getVariableDefinitions()) {
            definitions.put(v.getName(), AstPrinter.printAst(v.getType())
                    + (v.getDefaultValue() == null ? "" : "=" + AstPrinter.printAst(v.getDefaultValue())));
        }
        for (FetchNode f : ctx.fetches) {
            f.finish(definitions);
        }
        PlanNode node = new PlanTree(ctx.fetches).build(roots, mutation);
        return new QueryPlan(node, List.copyOf(ctx.fetches), operation, ctx.collector, rootName, introspection);
    }

    private String chooseGraph(TypeInfo root, List<Field> fields, Set<String> preferred) {
        String name = fields.get(0).getName();
        List<String> candidates = ctx.supergraph.graphsResolving(root, name);
        if (candidates.isEmpty()) {
            throw new PlanningException("no subgraph resolves " + root.name() + "." + name);
        }
        return ctx.costs.cheapest(candidates, root, name, fields, preferred);
    }

    /**
     * A root field no single subgraph can answer whole (shared root fields returning value types): each
     * subgraph gets the field with the part of its selection it can answer, and the answers merge.
     */
    private boolean split(TypeInfo root, String key, List<Field> fields, LinkedHashMap<String, LinkedHashMap<String, List<Field>>> byGraph) {
        String name = fields.get(0).getName();
        List<String> candidates = ctx.supergraph.graphsResolving(root, name);
        TypeInfo ft = ctx.supergraph.type(root.field(name).typeName());
        if (candidates.size() < 2 || ft == null || ft.kind() != TypeInfo.Kind.OBJECT) {
            return false;
        }
        List<Selection> sub = FieldCollector.subSelections(fields);
        for (String g : candidates) {
            if (ctx.costs.cost(g, ft, sub, null, 0) < RouteCost.UNREACHABLE) {
                return false;
            }
        }
        LinkedHashMap<String, List<Selection>> parts = new LinkedHashMap<>();
        for (List<Field> group : ctx.collector.collect(ft.name(), sub).values()) {
            String g = candidates.stream().filter(c -> ctx.costs.cost(c, ft, new ArrayList<>(group), null, 0) < RouteCost.UNREACHABLE)
                    .findFirst().orElse(null);
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
}
