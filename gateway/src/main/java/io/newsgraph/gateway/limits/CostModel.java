package io.newsgraph.gateway.limits;

import java.util.List;
import java.util.Map;

import graphql.schema.GraphQLCompositeType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import io.newsgraph.gateway.config.GatewayConfig;
import io.newsgraph.gateway.supergraph.CostDirectives;
import io.newsgraph.gateway.supergraph.Supergraph;

/**
 * What an element of the API schema costs, as the IBM cost spec and Apollo's demand control define it: an object,
 * interface or union field costs 1 (or its {@code @cost} weight, else its type's), a scalar or enum 0, a mutation
 * 10 to begin with; a list multiplies what one element costs by its size. The size is a slicing argument's value
 * ({@code first}/{@code last}, or those {@code @listSize} names), else the configured size of that field, else
 * {@code @listSize(assumedSize)}, else the default list size.
 */
public final class CostModel {

    static final double MUTATION_BASE = 10;

    private final GraphQLSchema schema;
    private final CostDirectives directives;
    private final double max;
    private final int defaultListSize;
    private final List<String> slicingArguments;
    private final List<String> sizedFields;
    private final Map<String, Integer> configuredSizes;

    public CostModel(GraphQLSchema schema, CostDirectives directives, double max, int defaultListSize, List<String> slicingArguments,
            List<String> sizedFields, Map<String, Integer> configuredSizes) {
        this.schema = schema;
        this.directives = directives;
        this.max = max;
        this.defaultListSize = defaultListSize;
        this.slicingArguments = List.copyOf(slicingArguments);
        this.sizedFields = List.copyOf(sizedFields);
        this.configuredSizes = Map.copyOf(configuredSizes);
    }

    public static CostModel of(Supergraph supergraph, GatewayConfig.Cost config) {
        return new CostModel(supergraph.apiSchema(), supergraph.costDirectives(), config.max(), config.defaultListSize(),
                config.slicingArguments(), config.sizedFields(), sizes(config.listSizes().orElse(List.of())));
    }

    /** {@code Type.field=size} entries as a map. */
    static Map<String, Integer> sizes(List<String> entries) {
        Map<String, Integer> out = new java.util.HashMap<>();
        for (String e : entries) {
            int eq = e.lastIndexOf('=');
            String field = eq < 0 ? "" : e.substring(0, eq).trim();
            try {
                int size = Integer.parseInt(e.substring(eq + 1).trim());
                if (field.indexOf('.') > 0 && size >= 0) {
                    out.put(field, size);
                    continue;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw new IllegalArgumentException("newsgraph.gateway.cost.list-sizes: \"" + e + "\" is not Type.field=size");
        }
        return out;
    }

    public GraphQLSchema schema() {
        return schema;
    }

    public double max() {
        return max;
    }

    int defaultListSize() {
        return defaultListSize;
    }

    /** The field definition of {@code name} on {@code parent}, or null (unions, introspection fields). */
    GraphQLFieldDefinition field(GraphQLCompositeType parent, String name) {
        return parent instanceof GraphQLFieldsContainer c ? c.getFieldDefinition(name) : null;
    }

    /** The cost of one value of {@code parent.field} itself, before its selection and list size. */
    double weight(GraphQLCompositeType parent, GraphQLFieldDefinition field) {
        Double w = directives.weight(parent.getName() + "." + field.getName());
        if (w != null) {
            return w;
        }
        GraphQLNamedType named = GraphQLTypeUtil.unwrapAll(field.getType());
        Double t = directives.weight(named.getName());
        if (t != null) {
            return t;
        }
        return named instanceof GraphQLCompositeType ? 1 : 0;
    }

    /** The weight of an argument given to {@code parent.field} ({@code @cost} on the argument), else 0. */
    double argumentWeight(GraphQLCompositeType parent, GraphQLFieldDefinition field, String argument) {
        Double w = directives.weight(parent.getName() + "." + field.getName() + "(" + argument + ")");
        return w == null ? 0 : w;
    }

    /** How many list levels wrap the field's type ({@code [[T]]} is 2). */
    static int listDepth(GraphQLType type) {
        int depth = 0;
        GraphQLType t = type;
        while (true) {
            if (GraphQLTypeUtil.isNonNull(t)) {
                t = GraphQLTypeUtil.unwrapOne(t);
            } else if (GraphQLTypeUtil.isList(t)) {
                depth++;
                t = GraphQLTypeUtil.unwrapOne(t);
            } else {
                return depth;
            }
        }
    }

    /**
     * How the size of {@code parent.field} is bounded: by slicing arguments (the directive's, else the configured
     * names the field has), sizing the field itself or, for a connection, its sized child fields.
     */
    Sizing sizing(GraphQLCompositeType parent, GraphQLFieldDefinition field) {
        CostDirectives.ListSize ls = directives.listSize(parent.getName(), field.getName());
        Integer configured = configuredSizes.get(parent.getName() + "." + field.getName());
        Integer assumed = configured != null ? configured : ls == null ? null : ls.assumedSize();
        List<String> slicing;
        List<String> sized;
        boolean requireOne = false;
        if (ls != null && !ls.slicingArguments().isEmpty()) {
            slicing = ls.slicingArguments();
            requireOne = ls.requireOneSlicingArgument();
        } else {
            slicing = slicingArguments.stream().filter(a -> field.getArgument(a) != null).toList();
        }
        if (ls != null && !ls.sizedFields().isEmpty()) {
            sized = ls.sizedFields();
        } else if (listDepth(field.getType()) == 0 && !slicing.isEmpty()) {
            sized = sizedFields;
        } else {
            sized = List.of();
        }
        return new Sizing(slicing, sized, assumed, requireOne);
    }

    /** See {@link #sizing}; {@code assumed} is null when the default list size applies. */
    record Sizing(List<String> slicingArguments, List<String> sizedFields, Integer assumed, boolean requireOneSlicingArgument) {
    }
}
