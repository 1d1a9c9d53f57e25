package io.newsgraph.entities.domain;

/** Another writer changed what this write relied on; the write is retried from the start. */
public class GraphChangedException extends RuntimeException {

    public GraphChangedException(String message) {
        super(message);
    }
}
