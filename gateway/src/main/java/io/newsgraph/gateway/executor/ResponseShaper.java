package io.newsgraph.gateway.executor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Field;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import io.newsgraph.gateway.planner.FieldCollector;
import io.newsgraph.gateway.planner.QueryPlan;

/**
 * Builds the client response from the merged result tree by walking the client's own selection set: keys in
 * selection order, aliases as asked, fields the gateway added for its own use (keys, {@code @requires} fields)
 * left out, and nulls propagated to the nearest nullable parent as the GraphQL spec says.
 */
public final class ResponseShaper {

    private static final Object BUBBLE = new Object();

    private final GraphQLSchema schema;
    private final FieldCollector collector;
    private final List<Object> path = new ArrayList<>();
    private final List<Map<String, Object>> completionErrors = new ArrayList<>();

    private ResponseShaper(GraphQLSchema schema, FieldCollector collector) {
        this.schema = schema;
        this.collector = collector;
    }

    /** The shaped {@code data} (null when a non-null root field is null) plus value-completion problems. */
    public record Shaped(Map<String, Object> data, List<Map<String, Object>> completionErrors) {
    }

    public static Shaped shape(QueryPlan plan, GraphQLSchema schema, Map<String, Object> merged) {
        ResponseShaper s = new ResponseShaper(schema, plan.collector());
        GraphQLObjectType root = schema.getObjectType(plan.rootType());
        Object out = s.object(merged, root, plan.collector().collect(root.getName(), plan.operation().getSelectionSet().getSelections()));
        @SuppressWarnings("unchecked")
        Map<String, Object> data = out == BUBBLE ? null : (Map<String, Object>) out;
        return new Shaped(data, s.completionErrors);
    }

    private Object object(Map<?, ?> source, GraphQLObjectType type, Map<String, List<Field>> groups) {
        return object(source, type.getName(), type::getFieldDefinition, groups);
    }

    private Object object(Map<?, ?> source, String typeName, java.util.function.Function<String, GraphQLFieldDefinition> fieldsOf,
            Map<String, List<Field>> groups) {
        Map<String, Object> out = new LinkedHashMap<>(groups.size() * 2);
        for (Map.Entry<String, List<Field>> e : groups.entrySet()) {
            String key = e.getKey();
            String name = e.getValue().get(0).getName();
            if (name.equals("__typename")) {
                out.put(key, typeName);
                continue;
            }
            GraphQLFieldDefinition def = fieldsOf.apply(name);
            if (def == null) {
                // __schema/__type: filled in by the introspection path.
                out.put(key, source.get(key));
                continue;
            }
            path.add(key);
            Object v = complete(def.getType(), source.get(key), e.getValue(), typeName + "." + name);
            path.remove(path.size() - 1);
            if (v == BUBBLE) {
                return BUBBLE;
            }
            out.put(key, v);
        }
        return out;
    }

    private Object complete(GraphQLOutputType type, Object raw, List<Field> fields, String fieldName) {
        if (type instanceof GraphQLNonNull nn) {
            Object v = complete((GraphQLOutputType) nn.getWrappedType(), raw, fields, fieldName);
            if (v == null || v == BUBBLE) {
                if (v == null) {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("message", "Cannot return null for non-nullable field " + fieldName + ".");
                    error.put("path", List.copyOf(path));
                    completionErrors.add(error);
                }
                return BUBBLE;
            }
            return v;
        }
        if (raw == null) {
            return null;
        }
        if (type instanceof GraphQLList list) {
            if (!(raw instanceof List<?> items)) {
                return null;
            }
            GraphQLOutputType inner = (GraphQLOutputType) list.getWrappedType();
            List<Object> out = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                path.add(i);
                Object v = complete(inner, items.get(i), fields, fieldName);
                path.remove(path.size() - 1);
                if (v == BUBBLE) {
                    return null;
                }
                out.add(v);
            }
            return out;
        }
        if (type instanceof GraphQLObjectType obj) {
            if (!(raw instanceof Map<?, ?> m)) {
                return null;
            }
            Object v = object(m, obj, collector.collectAll(obj.getName(), fields));
            return v == BUBBLE ? null : v;
        }
        if (type instanceof GraphQLEnumType en) {
            return raw instanceof String s && en.getValue(s) != null ? s : null;
        }
        if (type instanceof graphql.schema.GraphQLScalarType) {
            return raw;
        }
        // Interface or union: the concrete type comes from __typename.
        if (!(raw instanceof Map<?, ?> m) || !(m.get("__typename") instanceof String t)) {
            return null;
        }
        GraphQLType concrete = schema.getType(t);
        if (concrete instanceof GraphQLInterfaceType iface) {
            // An @interfaceObject subgraph answered with the interface's name: only interface-level fields were asked.
            Object v = object(m, iface.getName(), iface::getFieldDefinition, collector.collectAll(iface.getName(), fields));
            return v == BUBBLE ? null : v;
        }
        if (!(concrete instanceof GraphQLObjectType obj)) {
            return null;
        }
        Object v = object(m, obj, collector.collectAll(obj.getName(), fields));
        return v == BUBBLE ? null : v;
    }
}
