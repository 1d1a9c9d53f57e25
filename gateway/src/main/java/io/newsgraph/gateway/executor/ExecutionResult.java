package io.newsgraph.gateway.executor;

import java.util.List;
import java.util.Map;

/**
 * The merged results of a plan's fetches before shaping: raw data keyed by response names (with internal key
 * fields) and the errors collected, already mapped to client paths.
 */
public record ExecutionResult(Map<String, Object> data, List<Map<String, Object>> errors) {
}
