package io.newsgraph.gateway.executor;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Sends one GraphQL request to one subgraph. */
public interface SubgraphTransport {

    /**
     * @param graph   the subgraph id (join__Graph value)
     * @param body    the JSON request body
     * @param headers headers to forward (authorization, traceparent)
     */
    CompletionStage<SubgraphResponse> send(String graph, byte[] body, Map<String, String> headers);
}
