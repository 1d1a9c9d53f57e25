package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.List;

import graphql.language.ListType;
import graphql.language.NonNullType;
import graphql.language.Selection;
import graphql.language.Type;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * Where a selection is being planned: the fetch (and its subgraph) that will fetch it, the subgraph selection it
 * fills, its response path, its type, what {@code @provides} makes resolvable there (null: nothing), and how deep
 * planning has recursed.
 */
record Scope(FetchNode fetch, String graph, SelectionTree target, List<PathElement> path, TypeInfo type, List<Selection> provided,
        int depth) {

    static Scope root(FetchNode fetch, TypeInfo rootType) {
        return new Scope(fetch, fetch.graph(), fetch.selection(), List.of(), rootType, null, 0);
    }

    /** The same place, one level deeper (representation fields, re-entered selections). */
    Scope deeper() {
        return new Scope(fetch, graph, target, path, type, provided, depth + 1);
    }

    /** A selection below this one in the same fetch. */
    Scope below(SelectionTree target, List<PathElement> path, TypeInfo type, List<Selection> provided) {
        return new Scope(fetch, graph, target, path, type, provided, depth + 1);
    }

    /** The same path planned in another fetch (an entity fetch), where nothing is provided. */
    Scope in(FetchNode other, SelectionTree target, TypeInfo type) {
        return new Scope(other, other.graph(), target, path, type, null, depth + 1);
    }

    /** The merge path of an entity fetch at this place: trailing type conditions dropped. */
    List<PathElement> mergePath() {
        return stripTypeConditions(path);
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
