package io.newsgraph.entities.domain;

/** What a delivery did to the stored graph. */
public enum ApplyOutcome {
    /** The article's entities were stored (first time or a newer version). */
    APPLIED,
    /** The stored version was the same or newer: nothing changed. */
    UNCHANGED,
    /** The article's mentions were removed. */
    DELETED
}
