package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What one extracted entity is looked up by across articles. */
record EntityLookup(EntityType type, String value, Set<String> names, Set<String> partial, boolean bare) {

    static EntityLookup of(ExtractedEntity e) {
        String value = valueKey(e);
        Set<String> names = new LinkedHashSet<>();
        Set<String> partial = new LinkedHashSet<>();
        boolean bare = NameKeys.isBareName(e.type(), e.name());
        if (value == null) {
            NameKeys.nameKeys(e.type(), e.name()).stream()
                    .filter(k -> k.kind() == KeyKind.NAME).forEach(k -> names.add(k.key()));
            if (!bare) {
                for (String alias : e.aliases() == null ? List.<String>of() : e.aliases()) {
                    // a bare alias ("Austin") is no evidence of identity on its own
                    if (!NameKeys.isBareName(e.type(), alias)) {
                        NameKeys.nameKeys(e.type(), alias).stream()
                                .filter(k -> k.kind() == KeyKind.NAME).forEach(k -> names.add(k.key()));
                    }
                }
            } else {
                partial.add(NameKeys.bareKey(e.name()));
            }
        }
        return new EntityLookup(e.type(), value, names, partial, bare);
    }

    Set<NameKeys.Key> all() {
        Set<NameKeys.Key> keys = new LinkedHashSet<>();
        if (value != null) {
            keys.add(new NameKeys.Key(KeyKind.VALUE, value));
        }
        names.forEach(n -> keys.add(new NameKeys.Key(KeyKind.NAME, n)));
        partial.forEach(n -> keys.add(new NameKeys.Key(KeyKind.PARTIAL, n)));
        return keys;
    }

    /** The identity value of a typed entity (ISO code, date, handle, URL, hashtag), or null. */
    static String valueKey(ExtractedEntity e) {
        return NameKeys.valueKey(e);
    }
}
