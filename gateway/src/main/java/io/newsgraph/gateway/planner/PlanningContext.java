package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.OperationDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLUnionType;
import io.newsgraph.gateway.supergraph.Supergraph;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * The state of planning one operation, shared by the stages: the supergraph and the operation's field collector,
 * the fetches made so far, and the stages themselves (which call each other: a selection crosses an entity
 * boundary, whose representation is a selection again).
 */
final class PlanningContext {

    final Supergraph supergraph;
    final FieldCollector collector;
    final OperationDefinition operation;
    final List<FetchNode> fetches = new ArrayList<>();
    /** Entity fetches by parent fetch, merge path, subgraph (and variant): fields going the same way share one. */
    final Map<String, FetchNode> jumps = new HashMap<>();
    private final Map<String, List<String>> possibleTypes = new HashMap<>();

    final ProvidedFields provided;
    final RouteCost costs;
    final EntityBoundaries boundaries;
    final InterfaceObjects interfaceObjects;
    final AliasConflicts aliasConflicts;
    final SelectionPlanner selections;

    PlanningContext(Supergraph supergraph, FieldCollector collector, OperationDefinition operation) {
        this.supergraph = supergraph;
        this.collector = collector;
        this.operation = operation;
        this.provided = new ProvidedFields(this);
        this.costs = new RouteCost(this);
        this.boundaries = new EntityBoundaries(this);
        this.interfaceObjects = new InterfaceObjects(this);
        this.aliasConflicts = new AliasConflicts(this);
        this.selections = new SelectionPlanner(this);
    }

    FetchNode newFetch(String graph, String kind, boolean entity, List<PathElement> path, FetchNode parent) {
        FetchNode f = new FetchNode(fetches.size(), graph, supergraph.subgraph(graph).name(), kind, entity, path, parent);
        if (parent != null) {
            f.dependencies.add(parent);
        }
        fetches.add(f);
        return f;
    }

    /** The entity fetch from {@code parent} at {@code mergePath} to {@code to}, made on first use. */
    FetchNode entityFetch(FetchNode parent, List<PathElement> mergePath, String to, String variant) {
        String jumpKey = parent.id() + "|" + mergePath + "|" + to + variant;
        FetchNode entityFetch = jumps.get(jumpKey);
        if (entityFetch == null) {
            entityFetch = newFetch(to, "query", true, mergePath, parent);
            jumps.put(jumpKey, entityFetch);
        }
        return entityFetch;
    }

    String name(String graph) {
        return supergraph.subgraph(graph).name();
    }

    /**
     * Concrete types of an abstract type as the supergraph knows them, @inaccessible ones included: subgraphs
     * return them (and @requires may select their fields) even though clients cannot name them.
     */
    List<String> possibleTypes(TypeInfo type) {
        return possibleTypes.computeIfAbsent(type.name(), n -> {
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
}
