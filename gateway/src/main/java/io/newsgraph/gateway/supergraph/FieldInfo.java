package io.newsgraph.gateway.supergraph;

import java.util.Map;

import graphql.language.Type;

/**
 * A field of a composite type and the subgraphs that contribute it. When the supergraph gives no
 * {@code @join__field}, every subgraph that has the type resolves the field.
 */
public record FieldInfo(String name, Type<?> type, String typeName, boolean hasJoinField, Map<String, FieldSource> sources) {

    public FieldSource source(String graph) {
        return sources.get(graph);
    }
}
