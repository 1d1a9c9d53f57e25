package io.newsgraph.entities.persistence;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Role;

import java.util.List;

/** A canonical entity as stored. */
public record StoredEntity(
        long id,
        EntityType type,
        String name,
        String normalizedValue,
        String countryCode,
        List<String> aliases,
        List<Role> roles,
        int mentionCount,
        int articleCount) {
}
