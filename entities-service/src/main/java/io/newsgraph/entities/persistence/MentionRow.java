package io.newsgraph.entities.persistence;

/**
 * A mention to store, already tied to its canonical entity.
 *
 * @param context {@code EMBEDDED_POST} or {@code SOURCES} for a mention in quoted or listed text, null in prose
 */
public record MentionRow(long entityId, String field, int start, int end, String text, String context) {
}
