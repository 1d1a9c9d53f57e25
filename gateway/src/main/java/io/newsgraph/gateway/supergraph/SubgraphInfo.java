package io.newsgraph.gateway.supergraph;

/**
 * One subgraph named by the supergraph's {@code join__Graph} enum.
 *
 * @param id   the enum value the join directives use (e.g. {@code ARTICLES})
 * @param name the subgraph's name as composed (e.g. {@code articles})
 * @param url  where the subgraph serves GraphQL
 */
public record SubgraphInfo(String id, String name, String url) {
}
