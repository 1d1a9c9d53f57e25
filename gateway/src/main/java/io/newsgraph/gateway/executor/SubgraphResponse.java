package io.newsgraph.gateway.executor;

import java.util.List;
import java.util.Map;

/** A subgraph's GraphQL answer: {@code data} (may be null) and its {@code errors} (may be empty). */
public record SubgraphResponse(Map<String, Object> data, List<Map<String, Object>> errors) {
}
