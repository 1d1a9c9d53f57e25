package io.newsgraph.gateway.executor;

/** Told about every subgraph fetch (for metrics). */
public interface FetchObserver {

    FetchObserver NONE = (graph, nanos, outcome) -> { };

    void fetched(String serviceName, long nanos, String outcome);
}
