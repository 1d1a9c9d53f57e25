package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.Role;
import io.newsgraph.entities.persistence.GraphStore;
import io.newsgraph.entities.persistence.KeyMatch;
import io.newsgraph.entities.persistence.StoredEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-article resolution: ties each entity of one article to a canonical entity, creating or enriching canonical
 * entities as it goes. Runs inside the caller's transaction, under the graph write lock.
 *
 * <p>The policy, in order:
 * <ol>
 *   <li>Value keys are identity ({@link NameKeys#valueKey}): a country by its ISO code (not a place inside it), a
 *       pinned date by its ISO value, a handle by its lower-cased form, a URL by itself, a hashtag by its normal
 *       form.</li>
 *   <li>Name keys (normalised name or alias; for people also first and last name in either order, without initials
 *       and suffixes) merge when they point to one entity of the same type. When they point to several, the one that
 *       co-occurs most with this article's other entities wins, then the one in most articles, then the oldest.</li>
 *   <li>A bare person name ("Austin") matches people whose first or last name it is, and an entity that is just
 *       that name: if there is exactly one, it merges; if several, the one that co-occurs most with this article's
 *       other entities is taken; without such evidence the mention goes to the entity that is just the bare name,
 *       created if needed, rather than to a guess.</li>
 *   <li>Anything else creates a new canonical entity.</li>
 * </ol>
 * A merge never drops information: the longer of the two full names becomes the canonical name (unless the match came
 * from a bare name), the other becomes an alias, roles are united, and a missing country code is filled in.
 */
@ApplicationScoped
public class EntityResolver {

    @Inject
    GraphStore store;

    /** An article's entity tied to its canonical entity. */
    public record Resolved(long entityId, ExtractedEntity extracted) {
    }

    public List<Resolved> resolve(List<ExtractedEntity> entities) {
        if (entities.isEmpty()) {
            return List.of();
        }
        Map<ExtractedEntity, Lookup> lookups = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        for (ExtractedEntity e : entities) {
            Lookup l = Lookup.of(e);
            lookups.put(e, l);
            types.add(e.type());
            l.all().forEach(k -> keys.add(k.key()));
        }
        List<KeyMatch> matches = store.findKeys(types, keys);

        // First pass: everything that resolves without looking at the rest of the article.
        Map<ExtractedEntity, Long> chosen = new HashMap<>();
        Map<ExtractedEntity, Set<Long>> ambiguous = new LinkedHashMap<>();
        Map<Long, Integer> articleCounts = new HashMap<>();
        matches.forEach(m -> articleCounts.put(m.entityId(), m.articleCount()));
        for (var entry : lookups.entrySet()) {
            Lookup l = entry.getValue();
            Set<Long> value = candidates(matches, l.type, l.value, KeyKind.VALUE);
            Set<Long> named = candidates(matches, l.type, l.names, KeyKind.NAME);
            Set<Long> partial = candidates(matches, l.type, l.partial, KeyKind.PARTIAL);
            if (!value.isEmpty()) {
                chosen.put(entry.getKey(), value.iterator().next());
            } else if (l.bare) {
                Set<Long> all = new LinkedHashSet<>(named);
                all.addAll(partial);
                if (all.size() == 1) {
                    chosen.put(entry.getKey(), all.iterator().next());
                } else if (all.size() > 1) {
                    // marked so the second pass knows that without evidence it must not pick the most popular
                    ambiguous.put(entry.getKey(), new BareCandidates(all, named));
                }
            } else if (named.size() == 1) {
                chosen.put(entry.getKey(), named.iterator().next());
            } else if (named.size() > 1) {
                ambiguous.put(entry.getKey(), named);
            }
        }

        // Second pass: ties broken by what else this article mentions.
        if (!ambiguous.isEmpty()) {
            Set<Long> all = ambiguous.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            Map<Long, Integer> together = store.coOccurrenceWith(all, new HashSet<>(chosen.values()));
            for (var entry : ambiguous.entrySet()) {
                Set<Long> candidates = entry.getValue();
                Comparator<Long> best = Comparator.<Long>comparingInt(id -> together.getOrDefault(id, 0)).reversed()
                        .thenComparing(Comparator.<Long>comparingInt(id -> articleCounts.getOrDefault(id, 0)).reversed())
                        .thenComparing(Comparator.naturalOrder());
                Long pick = candidates.stream().sorted(best).findFirst().orElseThrow();
                if (!(candidates instanceof BareCandidates bare) || together.getOrDefault(pick, 0) > 0) {
                    chosen.put(entry.getKey(), pick);
                } else if (!bare.sameBareName.isEmpty()) {
                    // no evidence: the entity that is just this bare name collects such mentions
                    chosen.put(entry.getKey(), bare.sameBareName.iterator().next());
                }
            }
        }

        // Write: enrich what matched, create the rest.
        Map<Long, StoredEntity> stored = new HashMap<>(store.loadEntities(new HashSet<>(chosen.values())));
        Map<Long, Merge> merges = new LinkedHashMap<>();
        List<Resolved> out = new ArrayList<>();
        for (var entry : lookups.entrySet()) {
            ExtractedEntity e = entry.getKey();
            Lookup l = entry.getValue();
            Long id = chosen.get(e);
            if (id == null) {
                List<String> aliases = distinctAliases(e.name(), e.aliases());
                id = store.createEntity(e.type(), e.name(), l.valueOrNull(), e.countryCode(), aliases, e.roles());
                StoredEntity created = new StoredEntity(id, e.type(), e.name(), l.valueOrNull(), e.countryCode(),
                        aliases, e.roles(), 0, 0);
                stored.put(id, created);
                merges.put(id, new Merge(created, false));
                // a later entity of this same article with the same name joins this one
                chosen.put(e, id);
                registerInArticle(lookups, chosen, e, id);
            }
            Merge merge = merges.computeIfAbsent(id, i -> new Merge(stored.get(i), true));
            merge.add(e, l.bare);
            out.add(new Resolved(id, e));
        }
        for (var m : merges.entrySet()) {
            Merge merge = m.getValue();
            if (merge.changed()) {
                store.updateEntity(m.getKey(), merge.name, merge.countryCode, merge.aliasList(), merge.roleList());
            }
            store.addKeys(m.getKey(), merge.base.type(), merge.keys);
        }
        return out;
    }

    /**
     * Entities of one article that are still unresolved and share a name key with a newly created entity join it:
     * the pipeline may leave two spellings of one new name apart.
     */
    private static void registerInArticle(Map<ExtractedEntity, Lookup> lookups, Map<ExtractedEntity, Long> chosen,
                                          ExtractedEntity created, long id) {
        Lookup source = lookups.get(created);
        for (var entry : lookups.entrySet()) {
            Lookup l = entry.getValue();
            if (chosen.containsKey(entry.getKey()) || l.type != source.type) {
                continue;
            }
            boolean sameValue = l.value != null && l.value.equals(source.value);
            boolean sameName = l.value == null && source.value == null
                    && l.names.stream().anyMatch(source.names::contains);
            if (sameValue || sameName) {
                chosen.put(entry.getKey(), id);
            }
        }
    }

    private static Set<Long> candidates(List<KeyMatch> matches, EntityType type, Set<String> keys, KeyKind kind) {
        Set<Long> out = new LinkedHashSet<>();
        if (keys == null || keys.isEmpty()) {
            return out;
        }
        for (KeyMatch m : matches) {
            if (m.type() == type && m.kind() == kind && keys.contains(m.key())) {
                out.add(m.entityId());
            }
        }
        return out;
    }

    private static Set<Long> candidates(List<KeyMatch> matches, EntityType type, String key, KeyKind kind) {
        return key == null ? Set.of() : candidates(matches, type, Set.of(key), kind);
    }

    private static List<String> distinctAliases(String name, List<String> aliases) {
        Set<String> seen = new LinkedHashSet<>();
        String n = NameKeys.normalize(name);
        for (String a : aliases == null ? List.<String>of() : aliases) {
            if (a != null && !a.isBlank() && !NameKeys.normalize(a).equals(n)) {
                seen.add(a.strip());
            }
        }
        return new ArrayList<>(seen);
    }

    /** Candidates found only through a bare name. */
    private static final class BareCandidates extends LinkedHashSet<Long> {
        final Set<Long> sameBareName;

        BareCandidates(Set<Long> ids, Set<Long> sameBareName) {
            super(ids);
            this.sameBareName = sameBareName;
        }
    }

    /** What one extracted entity is looked up by. */
    private record Lookup(EntityType type, String value, Set<String> names, Set<String> partial, boolean bare) {

        static Lookup of(ExtractedEntity e) {
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
            return new Lookup(e.type(), value, names, partial, bare);
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

        String valueOrNull() {
            return value;
        }

        private static String valueKey(ExtractedEntity e) {
            return NameKeys.valueKey(e);
        }
    }

    /** Old and new facts about one canonical entity, merged. */
    private static final class Merge {
        final StoredEntity base;
        final boolean existing;
        String name;
        String countryCode;
        final Set<String> aliases;
        final Set<Role> roles;
        final Set<NameKeys.Key> keys = new LinkedHashSet<>();
        private boolean changed;

        Merge(StoredEntity base, boolean existing) {
            this.base = base;
            this.existing = existing;
            this.name = base.name();
            this.countryCode = base.countryCode();
            this.aliases = new LinkedHashSet<>(base.aliases());
            this.roles = new LinkedHashSet<>(base.roles());
            keys.addAll(keysFor(base.type(), base.name(), base.normalizedValue(), false));
            base.aliases().forEach(a -> keys.addAll(keysFor(base.type(), a, null, true)));
        }

        void add(ExtractedEntity e, boolean bare) {
            String value = Lookup.valueKey(e);
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
        private static List<NameKeys.Key> keysFor(EntityType type, String name, String value, boolean alias) {
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
}
