package io.newsgraph.gateway.executor;

/** A subgraph request that produced no GraphQL answer (connection, timeout, HTTP status, malformed body). */
public class SubgraphException extends RuntimeException {

    public SubgraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
