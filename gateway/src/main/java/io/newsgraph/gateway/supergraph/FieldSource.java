package io.newsgraph.gateway.supergraph;

import graphql.language.SelectionSet;

/**
 * How one subgraph contributes a field, from one {@code @join__field}.
 * {@code requires}/{@code provides} are null when absent; {@code type} is the field's type in that subgraph when
 * it differs from the supergraph's (else null).
 */
public record FieldSource(String graph, boolean external, boolean usedOverridden, SelectionSet requires,
        SelectionSet provides, String override, String type) {

    /** Whether the subgraph resolves the field itself (not only references it for keys or requirements). */
    public boolean resolves() {
        return !external && !usedOverridden;
    }
}
