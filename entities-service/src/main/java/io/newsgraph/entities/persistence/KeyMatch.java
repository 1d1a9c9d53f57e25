package io.newsgraph.entities.persistence;

import io.newsgraph.entities.domain.KeyKind;
import io.newsgraph.entities.extraction.EntityType;

/** One stored key that matched a lookup. */
public record KeyMatch(EntityType type, String key, KeyKind kind, long entityId, int articleCount) {
}
