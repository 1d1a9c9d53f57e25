package io.newsgraph.gateway.planner;

import java.util.ArrayList;
import java.util.List;

import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import io.newsgraph.gateway.supergraph.TypeInfo;

/**
 * {@code @provides}: what a subgraph resolves below a field beyond its own fields. The provided selection travels
 * down the planning scope; an external field in it counts as resolvable there.
 */
final class ProvidedFields {

    private final PlanningContext ctx;

    ProvidedFields(PlanningContext ctx) {
        this.ctx = ctx;
    }

    /** Whether {@code graph} resolves {@code type.field} itself or through what is provided at this place. */
    boolean resolvesHere(TypeInfo type, String field, String graph, List<Selection> provided) {
        return ctx.supergraph.resolves(type, field, graph) || (provided != null && provides(provided, field, type.name()));
    }

    private boolean provides(List<Selection> provided, String field, String typeName) {
        for (Selection s : provided) {
            if (s instanceof Field f && f.getName().equals(field)) {
                return true;
            }
            if (s instanceof InlineFragment in && (in.getTypeCondition() == null || ctx.collector.applies(in.getTypeCondition().getName(), typeName))
                    && provides(new ArrayList<>(in.getSelectionSet().getSelections()), field, typeName)) {
                return true;
            }
        }
        return false;
    }

    /** What {@code @provides} makes resolvable below {@code type.field} when fetched from {@code graph}. */
    List<Selection> below(TypeInfo type, String field, String graph, List<Selection> provided) {
        List<Selection> out = new ArrayList<>();
        if (provided != null) {
            collect(provided, field, type.name(), out);
        }
        if (ctx.supergraph.resolves(type, field, graph)) {
            SelectionSet own = ctx.supergraph.provides(type, field, graph);
            if (own != null) {
                out.addAll(own.getSelections());
            }
        }
        return out.isEmpty() ? null : out;
    }

    private void collect(List<Selection> provided, String field, String typeName, List<Selection> out) {
        for (Selection s : provided) {
            if (s instanceof Field f && f.getName().equals(field) && f.getSelectionSet() != null) {
                out.addAll(f.getSelectionSet().getSelections());
            } else if (s instanceof InlineFragment in
                    && (in.getTypeCondition() == null || ctx.collector.applies(in.getTypeCondition().getName(), typeName))) {
                collect(new ArrayList<>(in.getSelectionSet().getSelections()), field, typeName, out);
            }
        }
    }
}
