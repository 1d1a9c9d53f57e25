package io.newsgraph.entities.persistence;

/** A mention to store, already tied to its canonical entity. */
public record MentionRow(long entityId, String field, int start, int end, String text) {
}
