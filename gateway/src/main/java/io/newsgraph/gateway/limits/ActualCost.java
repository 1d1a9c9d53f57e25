package io.newsgraph.gateway.limits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

/**
 * What an answer actually cost, counted over its data as {@link CostEstimator} counts the operation: every object
 * returned costs its field's weight (1 by default), scalars nothing, lists what their elements cost (Apollo's
 * actual cost "by response shape"). Skipped fields are absent from the data, so they cost nothing here either.
 */
public final class ActualCost {

    private final CostModel model;
    private final Map<String, FragmentDefinition> fragments;

    private ActualCost(CostModel model, Map<String, FragmentDefinition> fragments) {
        this.model = model;
        this.fragments = fragments;
    }

    public static double of(CostModel model, OperationDefinition op, Map<String, FragmentDefinition> fragments, Map<String, Object> data) {
        double base = op.getOperation() == OperationDefinition.Operation.MUTATION ? CostModel.MUTATION_BASE : 0;
        GraphQLCompositeType root = CostEstimator.rootType(model, op);
        if (data == null || root == null) {
            return base;
        }
        return base + new ActualCost(model, fragments).object(data, List.of(op.getSelectionSet()), root);
    }

    private double object(Map<?, ?> object, List<SelectionSet> sets, GraphQLCompositeType type) {
        GraphQLCompositeType concrete = concrete(type, object);
        Map<String, List<Field>> fields = new LinkedHashMap<>();
        for (SelectionSet set : sets) {
            collect(set, concrete, fields);
        }
        double total = 0;
        for (Map.Entry<String, List<Field>> e : fields.entrySet()) {
            Field first = e.getValue().get(0);
            Object value = object.get(e.getKey());
            GraphQLFieldDefinition def = first.getName().startsWith("__") ? null : model.field(concrete, first.getName());
            if (value == null || def == null || !(GraphQLTypeUtil.unwrapAll(def.getType()) instanceof GraphQLCompositeType child)) {
                continue;
            }
            List<SelectionSet> childSets = new ArrayList<>(e.getValue().size());
            for (Field f : e.getValue()) {
                if (f.getSelectionSet() != null) {
                    childSets.add(f.getSelectionSet());
                }
            }
            total += value(value, model.weight(concrete, def), childSets, child);
        }
        return total;
    }

    private double value(Object value, double weight, List<SelectionSet> sets, GraphQLCompositeType type) {
        if (value instanceof List<?> list) {
            double total = 0;
            for (Object element : list) {
                total += value(element, weight, sets, type);
            }
            return total;
        }
        if (value instanceof Map<?, ?> m) {
            return weight + object(m, sets, type);
        }
        return 0;
    }

    private GraphQLCompositeType concrete(GraphQLCompositeType type, Map<?, ?> object) {
        if (object.get("__typename") instanceof String t && model.schema().getType(t) instanceof GraphQLObjectType o) {
            return o;
        }
        return type;
    }

    /** Fields by response key, as execution merges them; fragments whose type cannot apply are left out. */
    private void collect(SelectionSet set, GraphQLCompositeType type, Map<String, List<Field>> out) {
        for (Selection<?> s : set.getSelections()) {
            switch (s) {
                case Field f -> out.computeIfAbsent(f.getResultKey(), k -> new ArrayList<>()).add(f);
                case InlineFragment in -> {
                    if (in.getTypeCondition() == null || applies(in.getTypeCondition().getName(), type)) {
                        collect(in.getSelectionSet(), type, out);
                    }
                }
                case FragmentSpread spread -> {
                    FragmentDefinition def = fragments.get(spread.getName());
                    if (def != null && applies(def.getTypeCondition().getName(), type)) {
                        collect(def.getSelectionSet(), type, out);
                    }
                }
                default -> { }
            }
        }
    }

    private boolean applies(String condition, GraphQLCompositeType type) {
        if (condition.equals(type.getName()) || !(type instanceof GraphQLObjectType object)) {
            return true;
        }
        GraphQLType c = model.schema().getType(condition);
        return (c instanceof GraphQLUnionType || c instanceof GraphQLInterfaceType) && model.schema().isPossibleType((GraphQLNamedType) c, object);
    }
}
