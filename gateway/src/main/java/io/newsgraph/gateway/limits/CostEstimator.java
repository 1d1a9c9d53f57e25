package io.newsgraph.gateway.limits;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.BooleanValue;
import graphql.language.Directive;
import graphql.language.DirectivesContainer;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableDefinition;
import graphql.language.VariableReference;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Estimates what an operation will cost before it is planned (Apollo's static estimate; the IBM GraphQL cost
 * spec): the sum over its fields, fragments expanded, each list multiplied by its size (see {@link CostModel}).
 * Fields skipped by {@code @skip}/{@code @include} cost nothing. A named fragment is costed once per request, so a
 * fragment spread many times costs what it multiplies to without being walked again.
 */
public final class CostEstimator {

    private final CostModel model;
    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private final OperationDefinition op;
    private final Map<String, Double> fragmentCosts = new HashMap<>();

    private CostEstimator(CostModel model, OperationDefinition op, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.model = model;
        this.op = op;
        this.fragments = fragments;
        this.variables = variables == null ? Map.of() : variables;
    }

    /** The estimated cost of {@code op}; the document must have passed validation. */
    public static double estimate(CostModel model, OperationDefinition op, Map<String, FragmentDefinition> fragments,
            Map<String, Object> variables) {
        CostEstimator e = new CostEstimator(model, op, fragments, variables);
        GraphQLCompositeType root = rootType(model, op);
        double base = op.getOperation() == OperationDefinition.Operation.MUTATION ? CostModel.MUTATION_BASE : 0;
        return root == null ? base : base + e.selection(op.getSelectionSet(), root, null);
    }

    /** Refuses {@code op} when its estimate is over the model's maximum. */
    public static double check(CostModel model, OperationDefinition op, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        double estimated = estimate(model, op, fragments, variables);
        if (estimated > model.max()) {
            throw tooExpensive(estimated, model.max());
        }
        return estimated;
    }

    public static GraphQLFailure tooExpensive(double estimated, double max) {
        return new GraphQLFailure(400, "COST_ESTIMATED_TOO_EXPENSIVE", "Operation estimated cost " + format(estimated)
                + " exceeded configured maximum " + format(max) + " (cost.max).",
                Map.of("cost", Map.of("estimated", number(estimated), "max", number(max))));
    }

    static GraphQLCompositeType rootType(CostModel model, OperationDefinition op) {
        return switch (op.getOperation()) {
            case QUERY -> model.schema().getQueryType();
            case MUTATION -> model.schema().getMutationType();
            case SUBSCRIPTION -> model.schema().getSubscriptionType();
        };
    }

    /** Sizes that a connection field hands to its sized child fields ({@code edges}, {@code nodes}). */
    private record Sized(List<String> fields, double size) {
    }

    private double selection(SelectionSet set, GraphQLCompositeType parent, Sized sized) {
        if (set == null) {
            return 0;
        }
        double total = 0;
        for (Selection<?> s : set.getSelections()) {
            switch (s) {
                case Field f -> {
                    if (included(f) && !f.getName().startsWith("__")) {
                        GraphQLFieldDefinition def = model.field(parent, f.getName());
                        if (def != null) {
                            total += field(f, parent, def, sized);
                        }
                    }
                }
                case InlineFragment in -> {
                    if (included(in)) {
                        total += selection(in.getSelectionSet(), typeCondition(in.getTypeCondition() == null ? null
                                : in.getTypeCondition().getName(), parent), sized);
                    }
                }
                case FragmentSpread spread -> {
                    if (included(spread)) {
                        total += spread(spread.getName(), parent, sized);
                    }
                }
                default -> { }
            }
        }
        return total;
    }

    private double spread(String name, GraphQLCompositeType parent, Sized sized) {
        FragmentDefinition def = fragments.get(name);
        if (def == null) {
            return 0;
        }
        GraphQLCompositeType type = typeCondition(def.getTypeCondition().getName(), parent);
        if (sized != null) {
            // Sized by the connection around it: this cost holds only here.
            return selection(def.getSelectionSet(), type, sized);
        }
        Double known = fragmentCosts.get(name);
        if (known == null) {
            known = selection(def.getSelectionSet(), type, null);
            fragmentCosts.put(name, known);
        }
        return known;
    }

    private GraphQLCompositeType typeCondition(String name, GraphQLCompositeType parent) {
        if (name == null) {
            return parent;
        }
        return model.schema().getType(name) instanceof GraphQLCompositeType c ? c : parent;
    }

    private double field(Field f, GraphQLCompositeType parent, GraphQLFieldDefinition def, Sized sized) {
        GraphQLNamedType named = GraphQLTypeUtil.unwrapAll(def.getType());
        double weight = model.weight(parent, def);
        double arguments = 0;
        for (Argument a : f.getArguments()) {
            arguments += model.argumentWeight(parent, def, a.getName());
        }
        CostModel.Sizing sizing = model.sizing(parent, def);
        Double sliced = null;
        int slicingGiven = 0;
        for (String a : sizing.slicingArguments()) {
            Double v = argument(f, def, a);
            if (v != null) {
                slicingGiven++;
                sliced = sliced == null ? v : Math.max(sliced, v);
            }
        }
        if (sizing.requireOneSlicingArgument() && slicingGiven != 1) {
            throw new GraphQLFailure(400, "COST_SLICING_ARGUMENT_REQUIRED", "Field \"" + parent.getName() + "." + def.getName()
                    + "\" must be given exactly one of the arguments " + sizing.slicingArguments() + ".");
        }
        int depth = CostModel.listDepth(def.getType());
        double size = sliced != null ? sliced : sizing.assumed() != null ? sizing.assumed() : model.defaultListSize();
        if (sized != null && depth > 0 && sized.fields().contains(def.getName())) {
            size = sized.size();
        }
        double child = 0;
        if (named instanceof GraphQLCompositeType composite) {
            child = selection(f.getSelectionSet(), composite, sizing.sizedFields().isEmpty() ? null : new Sized(sizing.sizedFields(), size));
        }
        if (depth == 0) {
            return arguments + weight + child;
        }
        double multiplier = size * Math.pow(model.defaultListSize(), depth - 1);
        return arguments + multiplier * (weight + child);
    }

    /** The value of a numeric argument: given inline, through a variable, or the argument's default; else null. */
    private Double argument(Field f, GraphQLFieldDefinition def, String name) {
        for (Argument a : f.getArguments()) {
            if (a.getName().equals(name)) {
                return number(a.getValue());
            }
        }
        GraphQLArgument arg = def.getArgument(name);
        if (arg == null || !arg.hasSetDefaultValue()) {
            return null;
        }
        Object v = arg.getArgumentDefaultValue().getValue();
        return v instanceof Value<?> literal ? number(literal) : v instanceof Number n ? Math.max(0, n.doubleValue()) : null;
    }

    private Double number(Value<?> v) {
        if (v instanceof IntValue i) {
            return Math.max(0, i.getValue().doubleValue());
        }
        if (v instanceof VariableReference r) {
            Object given = variables.get(r.getName());
            if (given instanceof Number n) {
                return Math.max(0, n.doubleValue());
            }
            if (given == null && !variables.containsKey(r.getName())) {
                VariableDefinition d = definition(r.getName());
                if (d != null && d.getDefaultValue() instanceof IntValue i) {
                    return Math.max(0, i.getValue().doubleValue());
                }
            }
        }
        return null;
    }

    private boolean included(DirectivesContainer<?> node) {
        for (Directive d : node.getDirectives()) {
            if (d.getName().equals("skip") && truth(d) || d.getName().equals("include") && !truth(d)) {
                return false;
            }
        }
        return true;
    }

    private boolean truth(Directive d) {
        Argument a = d.getArgument("if");
        if (a == null) {
            return false;
        }
        if (a.getValue() instanceof BooleanValue b) {
            return b.isValue();
        }
        if (a.getValue() instanceof VariableReference r) {
            if (variables.containsKey(r.getName())) {
                return Boolean.TRUE.equals(variables.get(r.getName()));
            }
            VariableDefinition def = definition(r.getName());
            return def != null && def.getDefaultValue() instanceof BooleanValue b && b.isValue();
        }
        return false;
    }

    private VariableDefinition definition(String name) {
        for (VariableDefinition d : op.getVariableDefinitions()) {
            if (d.getName().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** A cost as JSON: an integer when it is one (costs of whole lists usually are). */
    public static Object number(double cost) {
        return cost == Math.rint(cost) && Math.abs(cost) < 9.0e15 ? (Object) (long) cost : (Object) cost;
    }

    static String format(double cost) {
        return cost == Math.rint(cost) && Math.abs(cost) < 9.0e15 ? Long.toString((long) cost) : String.format(Locale.ROOT, "%.4g", cost);
    }
}
