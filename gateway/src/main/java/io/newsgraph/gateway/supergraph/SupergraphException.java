package io.newsgraph.gateway.supergraph;

/** A supergraph that cannot be served: unreadable, not a Federation v2 supergraph, or invalid. */
public class SupergraphException extends RuntimeException {

    public SupergraphException(String message) {
        super(message);
    }

    public SupergraphException(String message, Throwable cause) {
        super(message, cause);
    }
}
