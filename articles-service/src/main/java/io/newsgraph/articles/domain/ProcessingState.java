package io.newsgraph.articles.domain;

/** Where the article's newest version stands in delivery to entities-service. */
public enum ProcessingState {
    /** Waiting for (or retrying) delivery. */
    PENDING,
    /** Acknowledged by entities-service. */
    DONE,
    /** Given up: rejected for good (422, 400, 413) or out of attempts; a retry request puts it back to PENDING. */
    FAILED
}
