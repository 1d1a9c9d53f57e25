package io.newsgraph.gateway.planner;


import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLUnionType;
import graphql.schema.GraphQLInterfaceType;

/**
 * CollectFields of the GraphQL spec: the fields selected on one concrete object type, grouped by response key in
 * selection order, with fragments expanded and {@code @skip}/{@code @include} applied.
 */
public final class FieldCollector {

    private final GraphQLSchema schema;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Boolean> conditions;

    public FieldCollector(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, Map<String, Boolean> conditions) {
        this.schema = schema;
        this.fragments = fragments;
        this.conditions = conditions;
    }

    public Map<String, Boolean> conditions() {
        return conditions;
    }

    public LinkedHashMap<String, List<Field>> collect(String objectType, List<? extends Selection> selections) {
        LinkedHashMap<String, List<Field>> out = new LinkedHashMap<>();
        collect(objectType, selections, out, null);
        return out;
    }

    /** Collects the fields of every selection set given (the merged sub-selections of one response key). */
    public LinkedHashMap<String, List<Field>> collectAll(String objectType, List<Field> fields) {
        LinkedHashMap<String, List<Field>> out = new LinkedHashMap<>();
        for (Field f : fields) {
            if (f.getSelectionSet() != null) {
                collect(objectType, f.getSelectionSet().getSelections(), out, null);
            }
        }
        return out;
    }

    private void collect(String objectType, List<? extends Selection> selections, Map<String, List<Field>> out, Set<String> visited) {
        for (Selection s : selections) {
            switch (s) {
                case Field f -> {
                    if (included(f.getDirectives())) {
                        out.computeIfAbsent(f.getResultKey(), k -> new ArrayList<>(1)).add(f);
                    }
                }
                case InlineFragment in -> {
                    if (included(in.getDirectives())
                            && (in.getTypeCondition() == null || applies(in.getTypeCondition().getName(), objectType))) {
                        collect(objectType, in.getSelectionSet().getSelections(), out, visited);
                    }
                }
                case FragmentSpread spread -> {
                    if (!included(spread.getDirectives())) {
                        continue;
                    }
                    Set<String> seen = visited == null ? new java.util.HashSet<>() : visited;
                    if (!seen.add(spread.getName())) {
                        continue;
                    }
                    FragmentDefinition def = fragments.get(spread.getName());
                    if (def != null && applies(def.getTypeCondition().getName(), objectType)) {
                        collect(objectType, def.getSelectionSet().getSelections(), out, seen);
                    }
                    seen.remove(spread.getName());
                }
                default -> { }
            }
        }
    }

    /** Whether a type condition matches a concrete object type. */
    public boolean applies(String condition, String objectType) {
        if (condition.equals(objectType)) {
            return true;
        }
        GraphQLType cond = schema.getType(condition);
        GraphQLType obj = schema.getType(objectType);
        if (!(obj instanceof GraphQLObjectType o)) {
            return false;
        }
        if (cond instanceof GraphQLUnionType u) {
            return u.getTypes().stream().anyMatch(t -> t.getName().equals(objectType));
        }
        if (cond instanceof GraphQLInterfaceType) {
            return o.getInterfaces().stream().anyMatch(i -> i.getName().equals(condition));
        }
        return false;
    }

    public boolean included(List<Directive> directives) {
        if (directives.isEmpty()) {
            return true;
        }
        for (Directive d : directives) {
            if (d.getName().equals("skip") && truth(d)) {
                return false;
            }
            if (d.getName().equals("include") && !truth(d)) {
                return false;
            }
        }
        return true;
    }

    private boolean truth(Directive d) {
        var arg = d.getArgument("if");
        if (arg == null) {
            return false;
        }
        Value<?> v = arg.getValue();
        if (v instanceof BooleanValue b) {
            return b.isValue();
        }
        if (v instanceof VariableReference r) {
            return Boolean.TRUE.equals(conditions.get(r.getName()));
        }
        return false;
    }

    public static List<Selection> subSelections(List<Field> fields) {
        List<Selection> out = new ArrayList<>();
        for (Field f : fields) {
            SelectionSet ss = f.getSelectionSet();
            if (ss != null) {
                out.addAll(ss.getSelections());
            }
        }
        return out;
    }

    public GraphQLSchema schema() {
        return schema;
    }

    static boolean isComposite(GraphQLType t) {
        return t instanceof GraphQLCompositeType;
    }
}
