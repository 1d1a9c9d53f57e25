package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.Role;
import io.newsgraph.entities.persistence.StoredEntity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Old and new facts about one canonical entity, merged. A merge never drops information: the longer of two full
 * names becomes the canonical name (unless the match came from a bare name), the other becomes an alias, roles are
 * united, and a missing country code is filled in.
 */
final class EntityMerge {
    final StoredEntity base;
    String name;
    String countryCode;
    final Set<String> aliases;
    final Set<Role> roles;
    final Set<NameKeys.Key> keys = new LinkedHashSet<>();
    private boolean changed;

    EntityMerge(StoredEntity base) {
        this.base = base;
        this.name = base.name();
        this.countryCode = base.countryCode();
        this.aliases = new LinkedHashSet<>(base.aliases());
        this.roles = new LinkedHashSet<>(base.roles());
        keys.addAll(keysFor(base.type(), base.name(), base.normalizedValue(), false));
        base.aliases().forEach(a -> keys.addAll(keysFor(base.type(), a, null, true)));
    }

    void add(ExtractedEntity e, boolean bare) {
        String value = EntityLookup.valueKey(e);
        if (!bare && e.type() != EntityType.DATE && value == null
                && NameKeys.normalize(e.name()).length() > NameKeys.normalize(name).length()) {
            addAlias(name);
            name = e.name();
            changed = true;
        } else {
            addAlias(e.name());
        }
        for (String a : e.aliases() == null ? List.<String>of() : e.aliases()) {
            addAlias(a);
        }
        for (Role r : e.roles() == null ? List.<Role>of() : e.roles()) {
            changed |= roles.add(r);
        }
        if (countryCode == null && e.countryCode() != null) {
            countryCode = e.countryCode();
            changed = true;
        }
        // a bare name merged into a fuller one is an alias: it must not become a key of this one person
        keys.addAll(keysFor(e.type(), e.name(), value, bare && !NameKeys.isBareName(e.type(), name)));
        if (e.aliases() != null) {
            e.aliases().forEach(a -> keys.addAll(keysFor(e.type(), a, null, true)));
        }
    }

    private void addAlias(String alias) {
        if (alias == null || alias.isBlank()) {
            return;
        }
        String n = NameKeys.normalize(alias);
        if (n.isEmpty() || n.equals(NameKeys.normalize(name))) {
            return;
        }
        boolean known = aliases.stream().anyMatch(a -> NameKeys.normalize(a).equals(n));
        if (!known) {
            aliases.add(alias.strip());
            changed = true;
        }
    }

    /** Bare aliases get no keys: "Austin" must not become a name key of one Austin. */
    static List<NameKeys.Key> keysFor(EntityType type, String name, String value, boolean alias) {
        List<NameKeys.Key> out = new ArrayList<>();
        if (value != null) {
            out.add(new NameKeys.Key(KeyKind.VALUE, value));
        }
        if (alias && NameKeys.isBareName(type, name)) {
            return out;
        }
        out.addAll(NameKeys.nameKeys(type, name));
        return out;
    }

    boolean changed() {
        return changed;
    }

    List<String> aliasList() {
        List<String> list = new ArrayList<>(aliases);
        list.removeIf(a -> NameKeys.normalize(a).equals(NameKeys.normalize(name)));
        return list;
    }

    List<Role> roleList() {
        return new ArrayList<>(roles);
    }
}
