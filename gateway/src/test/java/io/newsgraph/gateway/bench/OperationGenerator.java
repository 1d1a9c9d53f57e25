package io.newsgraph.gateway.bench;

import java.util.HashSet;
import java.util.Set;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedOutputType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;

/**
 * Writes a query that selects what a client could ask of a schema: one operation per root field, every field to
 * a fixed depth (object types entered once per path), inline fragments for each possible type of an abstract one,
 * required arguments given literal values. Fields with required input-object arguments are left out. Used so
 * that the planner benchmark can run over any supergraph without hand-written operations.
 */
final class OperationGenerator {

    private final GraphQLSchema schema;
    private final int depth;

    OperationGenerator(GraphQLSchema schema, int depth) {
        this.schema = schema;
        this.depth = depth;
    }

    /** The operation selecting root field {@code field}, or null when it takes an argument we cannot write. */
    String forRootField(GraphQLFieldDefinition field) {
        StringBuilder out = new StringBuilder("query { ");
        if (!field(out, field, 0, new HashSet<>(), null)) {
            return null;
        }
        return out.append(" }").toString();
    }

    /** {@code alias}: a response key of its own (fields of type fragments, which may differ in type). */
    private boolean field(StringBuilder out, GraphQLFieldDefinition f, int level, Set<String> path, String alias) {
        StringBuilder args = new StringBuilder();
        for (GraphQLArgument a : f.getArguments()) {
            if (!GraphQLTypeUtil.isNonNull(a.getType()) || a.hasSetDefaultValue()) {
                continue;
            }
            String literal = literal(a.getType());
            if (literal == null) {
                return false;
            }
            args.append(args.isEmpty() ? "(" : ", ").append(a.getName()).append(": ").append(literal);
        }
        if (!args.isEmpty()) {
            args.append(')');
        }
        GraphQLType named = GraphQLTypeUtil.unwrapAll(f.getType());
        String key = alias == null ? "" : alias + "_" + f.getName() + ": ";
        if (named instanceof GraphQLScalarType || named instanceof GraphQLEnumType) {
            out.append(key).append(f.getName()).append(args).append(' ');
            return true;
        }
        String selection = selection((GraphQLNamedOutputType) named, level + 1, path, null);
        if (selection == null) {
            return false;
        }
        out.append(key).append(f.getName()).append(args).append(' ').append(selection).append(' ');
        return true;
    }

    private String selection(GraphQLNamedOutputType type, int level, Set<String> path, String alias) {
        if (level > depth || !path.add(type.getName())) {
            return "{ __typename }";
        }
        try {
            StringBuilder out = new StringBuilder("{ __typename ");
            if (type instanceof GraphQLFieldsContainer c) {
                for (GraphQLFieldDefinition f : c.getFieldDefinitions()) {
                    if (!f.getName().startsWith("__")) {
                        field(out, f, level, path, alias);
                    }
                }
            }
            if (type instanceof GraphQLInterfaceType i) {
                for (GraphQLObjectType o : schema.getImplementations(i)) {
                    out.append("... on ").append(o.getName()).append(' ').append(selection(o, level, path, o.getName())).append(' ');
                }
            } else if (type instanceof GraphQLUnionType u) {
                for (GraphQLOutputType o : u.getTypes()) {
                    out.append("... on ").append(((GraphQLObjectType) o).getName()).append(' ')
                            .append(selection((GraphQLObjectType) o, level, path, ((GraphQLObjectType) o).getName())).append(' ');
                }
            }
            return out.append('}').toString();
        } finally {
            path.remove(type.getName());
        }
    }

    private static String literal(GraphQLInputType type) {
        GraphQLType t = type instanceof GraphQLNonNull n ? n.getWrappedType() : type;
        if (t instanceof GraphQLList l) {
            String inner = literal((GraphQLInputType) l.getWrappedType());
            return inner == null ? null : "[" + inner + "]";
        }
        if (t instanceof GraphQLEnumType e) {
            return e.getValues().get(0).getName();
        }
        if (t instanceof GraphQLScalarType s) {
            return switch (s.getName()) {
                case "Int" -> "1";
                case "Float" -> "1.5";
                case "Boolean" -> "true";
                default -> "\"1\"";
            };
        }
        return null;
    }
}
