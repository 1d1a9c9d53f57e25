package io.newsgraph.gateway.supergraph;

import graphql.language.SelectionSet;

/** One {@code @key} of an entity type in one subgraph, parsed into a selection set. */
public record KeyInfo(String graph, String fields, SelectionSet selection, boolean resolvable) {
}
