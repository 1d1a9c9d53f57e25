package io.newsgraph.gateway.supergraph;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.ArrayValue;
import graphql.language.BooleanValue;
import graphql.language.EnumValue;
import graphql.language.FloatValue;
import graphql.language.IntValue;
import graphql.language.NullValue;
import graphql.language.ObjectValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A custom scalar the gateway does not interpret: subgraphs own its meaning, values pass through unchanged. */
final class PassThroughScalar {

    private PassThroughScalar() {
    }

    static GraphQLScalarType named(String name, String description) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object dataFetcherResult, GraphQLContext context, Locale locale) {
                return dataFetcherResult;
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return input;
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                return literal(input, variables);
            }
        }).build();
    }

    private static Object literal(Value<?> v, CoercedVariables variables) {
        return switch (v) {
            case StringValue s -> s.getValue();
            case IntValue i -> i.getValue();
            case FloatValue f -> f.getValue();
            case BooleanValue b -> b.isValue();
            case EnumValue e -> e.getName();
            case NullValue n -> null;
            case VariableReference r -> variables.get(r.getName());
            case ArrayValue a -> a.getValues().stream().map(x -> literal(x, variables)).toList();
            case ObjectValue o -> {
                Map<String, Object> m = new LinkedHashMap<>();
                o.getObjectFields().forEach(f -> m.put(f.getName(), literal(f.getValue(), variables)));
                yield m;
            }
            default -> null;
        };
    }
}
