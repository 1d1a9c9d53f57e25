package io.newsgraph.entities.persistence;

/** One canonical entity's place in one article. */
public record ArticleEntityRow(long entityId, double salience, int mentionCount) {
}
