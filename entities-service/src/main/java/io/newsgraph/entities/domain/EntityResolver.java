package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.persistence.ArticleLinks;
import io.newsgraph.entities.persistence.EntityCatalogue;
import io.newsgraph.entities.persistence.EntityCatalogue.TypedKey;
import io.newsgraph.entities.persistence.KeyMatch;
import io.newsgraph.entities.persistence.StoredEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cross-article resolution: ties each entity of one article to a canonical entity, creating canonical entities as
 * needed, and later merges the article's names, roles and keys into them. The policy is {@link ResolutionPolicy};
 * this class does its lookups and writes, inside the caller's transaction.
 *
 * <p>Concurrent writers: keys that no entity has yet, and that this article would look up or add, are locked (per
 * key, {@link EntityCatalogue#lockKeys}) and looked up again before anything is created. Two writers that see the same
 * new name therefore take turns, and the second finds the first one's entity. Keys that already exist are not
 * locked: an article naming a busy entity ("United States") does not wait for the others that name it.
 */
@ApplicationScoped
public class EntityResolver {

    @Inject
    EntityCatalogue catalogue;

    @Inject
    ArticleLinks links;

    /** An article's entities, each tied to its canonical entity (by position). */
    public static final class Resolution {
        private final List<ExtractedEntity> entities;
        private final List<EntityLookup> lookups;
        private final List<Long> ids;
        private final Map<Long, StoredEntity> created;

        private Resolution(List<ExtractedEntity> entities, List<EntityLookup> lookups, List<Long> ids,
                           Map<Long, StoredEntity> created) {
            this.entities = entities;
            this.lookups = lookups;
            this.ids = ids;
            this.created = created;
        }

        public List<ExtractedEntity> entities() {
            return entities;
        }

        /** The canonical entity of each extracted entity, in the same order. */
        public List<Long> entityIds() {
            return ids;
        }

        /** The canonical entities that existed before this article. */
        public Set<Long> existing() {
            Set<Long> out = new LinkedHashSet<>(ids);
            out.removeAll(created.keySet());
            return out;
        }
    }

    /** Ties every entity to a canonical entity; new canonical entities are created, nothing else is written. */
    public Resolution resolve(List<ExtractedEntity> entities) {
        if (entities.isEmpty()) {
            return new Resolution(List.of(), List.of(), List.of(), Map.of());
        }
        List<EntityLookup> lookups = entities.stream().map(EntityLookup::of).toList();
        Set<String> keys = new HashSet<>();
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        for (EntityLookup l : lookups) {
            types.add(l.type());
            l.all().forEach(k -> keys.add(k.key()));
        }

        List<KeyMatch> matches = catalogue.findKeys(types, keys);
        Set<TypedKey> held = new HashSet<>();
        ResolutionPolicy.Decision decision;
        while (true) {
            decision = decide(lookups, matches);
            Set<TypedKey> claims = claims(entities, lookups, matches);
            claims.removeAll(held);
            if (claims.isEmpty()) {
                break;
            }
            // Keys not yet held are locked in hash order; a second round (another writer created one of them
            // meanwhile) may lock out of that order, and a deadlock there is detected and the write retried.
            catalogue.lockKeys(claims);
            held.addAll(claims);
            List<KeyMatch> again = catalogue.findKeys(types, keys);
            if (identities(again).equals(identities(matches))) {
                break;
            }
            matches = again;
        }

        List<Integer> founders = decision.founders();
        List<EntityCatalogue.NewEntity> fresh = new ArrayList<>();
        for (int i : founders) {
            ExtractedEntity e = entities.get(i);
            fresh.add(new EntityCatalogue.NewEntity(e.type(), e.name(), lookups.get(i).value(), e.countryCode(),
                    distinctAliases(e.name(), e.aliases()), e.roles() == null ? List.of() : e.roles()));
        }
        List<Long> newIds = catalogue.create(fresh);
        Map<Long, StoredEntity> created = new HashMap<>();
        for (int g = 0; g < fresh.size(); g++) {
            EntityCatalogue.NewEntity n = fresh.get(g);
            created.put(newIds.get(g), new StoredEntity(newIds.get(g), n.type(), n.name(), n.normalizedValue(),
                    n.countryCode(), n.aliases(), n.roles(), 0, 0));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            Long existing = decision.existing().get(i);
            ids.add(existing != null ? existing : newIds.get(decision.newEntity().get(i)));
        }
        return new Resolution(entities, lookups, ids, created);
    }

    /**
     * Merges the article's names, roles and keys into its canonical entities.
     *
     * @param locked the pre-existing ones, as read under their row locks
     * @throws GraphChangedException when one of them was deleted after it was chosen
     */
    public void enrich(Resolution r, Map<Long, StoredEntity> locked) {
        Map<Long, EntityMerge> merges = new LinkedHashMap<>();
        for (int i = 0; i < r.entities.size(); i++) {
            long id = r.ids.get(i);
            StoredEntity base = r.created.containsKey(id) ? r.created.get(id) : locked.get(id);
            if (base == null) {
                throw new GraphChangedException("entity " + id + " was deleted while an article was resolved to it");
            }
            merges.computeIfAbsent(id, k -> new EntityMerge(base)).add(r.entities.get(i), r.lookups.get(i).bare());
        }
        List<EntityCatalogue.Description> changed = new ArrayList<>();
        List<EntityCatalogue.KeyRow> keyRows = new ArrayList<>();
        for (var m : merges.entrySet()) {
            EntityMerge merge = m.getValue();
            if (merge.changed()) {
                changed.add(new EntityCatalogue.Description(m.getKey(), merge.name, merge.countryCode,
                        merge.aliasList(), merge.roleList()));
            }
            merge.keys.forEach(k -> keyRows.add(
                    new EntityCatalogue.KeyRow(merge.base.type(), k.key(), k.kind(), m.getKey())));
        }
        catalogue.describe(changed);
        catalogue.addKeys(keyRows);
    }

    private ResolutionPolicy.Decision decide(List<EntityLookup> lookups, List<KeyMatch> matches) {
        ResolutionPolicy.FirstPass first = ResolutionPolicy.firstPass(lookups, matches);
        Set<Long> tied = first.tied();
        Map<Long, Integer> together = tied.isEmpty() ? Map.of() : links.coOccurrenceWith(tied, first.context());
        return first.decide(together);
    }

    /**
     * The keys this article may create or add and that no entity has yet: those another writer must not create at
     * the same time.
     */
    static Set<TypedKey> claims(List<ExtractedEntity> entities, List<EntityLookup> lookups, List<KeyMatch> matches) {
        Set<TypedKey> found = new HashSet<>();
        matches.forEach(m -> found.add(new TypedKey(m.type(), m.key())));
        Set<TypedKey> out = new HashSet<>();
        for (int i = 0; i < entities.size(); i++) {
            ExtractedEntity e = entities.get(i);
            EntityLookup l = lookups.get(i);
            l.all().forEach(k -> out.add(new TypedKey(e.type(), k.key())));
            EntityMerge.keysFor(e.type(), e.name(), l.value(), false)
                    .forEach(k -> out.add(new TypedKey(e.type(), k.key())));
            for (String a : e.aliases() == null ? List.<String>of() : e.aliases()) {
                EntityMerge.keysFor(e.type(), a, null, true).forEach(k -> out.add(new TypedKey(e.type(), k.key())));
            }
        }
        out.removeAll(found);
        return out;
    }

    /** What a match says about identity; the article count it carries moves all the time and does not count. */
    private static Set<List<Object>> identities(List<KeyMatch> matches) {
        Set<List<Object>> out = new HashSet<>();
        matches.forEach(m -> out.add(List.of(m.type(), m.key(), m.kind(), m.entityId())));
        return out;
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
}
