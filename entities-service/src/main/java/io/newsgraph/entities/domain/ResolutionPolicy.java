package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.persistence.KeyMatch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Cross-article resolution as a pure function of what was looked up: which canonical entity each of an article's
 * entities belongs to, or which new entity it starts. No database: {@link EntityResolver} does the lookups.
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
 *   <li>Anything else creates a new canonical entity; entities of the article that share a name (or value) with it and
 *       are still unresolved join it, since the pipeline may leave two spellings of one new name apart.</li>
 * </ol>
 * Resolution is two steps because the tie-break needs one more lookup: {@link #firstPass} says which candidates are
 * tied and what the context is, the caller looks up their co-occurrence, and {@link FirstPass#decide} finishes.
 */
final class ResolutionPolicy {

    private ResolutionPolicy() {
    }

    /**
     * The outcome for each entity of the article, by position: an existing entity's id, or the number of the new
     * entity it belongs to (0, 1, ... in order of first appearance).
     */
    record Decision(List<Long> existing, List<Integer> newEntity, int newCount) {

        /** The position of the first entity of each new entity: the one it is created from. */
        List<Integer> founders() {
            List<Integer> out = new ArrayList<>(Collections.nCopies(newCount, -1));
            for (int i = newEntity.size() - 1; i >= 0; i--) {
                if (newEntity.get(i) >= 0) {
                    out.set(newEntity.get(i), i);
                }
            }
            return out;
        }
    }

    /** What is known after looking up the article's own keys. */
    static final class FirstPass {
        private final List<EntityLookup> lookups;
        private final Map<Integer, Long> chosen;
        private final Map<Integer, Set<Long>> ambiguous;
        private final Map<Long, Integer> articleCounts;

        private FirstPass(List<EntityLookup> lookups, Map<Integer, Long> chosen, Map<Integer, Set<Long>> ambiguous,
                          Map<Long, Integer> articleCounts) {
            this.lookups = lookups;
            this.chosen = chosen;
            this.ambiguous = ambiguous;
            this.articleCounts = articleCounts;
        }

        /** The candidates of names that point to several entities; empty when nothing needs a tie-break. */
        Set<Long> tied() {
            return ambiguous.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        }

        /** The entities already settled: the article's context for a tie-break. */
        Set<Long> context() {
            return new HashSet<>(chosen.values());
        }

        /**
         * Finishes resolution.
         *
         * @param together for each tied candidate, how often it co-occurs with the {@link #context()}
         */
        Decision decide(Map<Long, Integer> together) {
            Map<Integer, Long> settled = new HashMap<>(chosen);
            for (var entry : ambiguous.entrySet()) {
                Set<Long> candidates = entry.getValue();
                Comparator<Long> best = Comparator.<Long>comparingInt(id -> together.getOrDefault(id, 0)).reversed()
                        .thenComparing(Comparator.<Long>comparingInt(id -> articleCounts.getOrDefault(id, 0)).reversed())
                        .thenComparing(Comparator.naturalOrder());
                Long pick = candidates.stream().sorted(best).findFirst().orElseThrow();
                if (!(candidates instanceof BareCandidates bare) || together.getOrDefault(pick, 0) > 0) {
                    settled.put(entry.getKey(), pick);
                } else if (!bare.sameBareName.isEmpty()) {
                    // no evidence: the entity that is just this bare name collects such mentions
                    settled.put(entry.getKey(), bare.sameBareName.iterator().next());
                }
            }

            int n = lookups.size();
            List<Long> existing = new ArrayList<>(Collections.nCopies(n, null));
            List<Integer> newEntity = new ArrayList<>(Collections.nCopies(n, -1));
            settled.forEach(existing::set);
            int created = 0;
            for (int i = 0; i < n; i++) {
                if (existing.get(i) != null || newEntity.get(i) >= 0) {
                    continue;
                }
                int group = created++;
                newEntity.set(i, group);
                EntityLookup source = lookups.get(i);
                for (int j = i + 1; j < n; j++) {
                    EntityLookup l = lookups.get(j);
                    if (existing.get(j) != null || newEntity.get(j) >= 0 || l.type() != source.type()) {
                        continue;
                    }
                    boolean sameValue = l.value() != null && l.value().equals(source.value());
                    boolean sameName = l.value() == null && source.value() == null
                            && l.names().stream().anyMatch(source.names()::contains);
                    if (sameValue || sameName) {
                        newEntity.set(j, group);
                    }
                }
            }
            return new Decision(existing, newEntity, created);
        }
    }

    /** Everything that resolves without looking at the rest of the article. */
    static FirstPass firstPass(List<EntityLookup> lookups, List<KeyMatch> matches) {
        Map<Integer, Long> chosen = new HashMap<>();
        Map<Integer, Set<Long>> ambiguous = new LinkedHashMap<>();
        Map<Long, Integer> articleCounts = new HashMap<>();
        matches.forEach(m -> articleCounts.put(m.entityId(), m.articleCount()));
        for (int i = 0; i < lookups.size(); i++) {
            EntityLookup l = lookups.get(i);
            Set<Long> value = candidates(matches, l.type(), l.value() == null ? Set.of() : Set.of(l.value()),
                    KeyKind.VALUE);
            Set<Long> named = candidates(matches, l.type(), l.names(), KeyKind.NAME);
            Set<Long> partial = candidates(matches, l.type(), l.partial(), KeyKind.PARTIAL);
            if (!value.isEmpty()) {
                chosen.put(i, value.iterator().next());
            } else if (l.bare()) {
                Set<Long> all = new LinkedHashSet<>(named);
                all.addAll(partial);
                if (all.size() == 1) {
                    chosen.put(i, all.iterator().next());
                } else if (all.size() > 1) {
                    // marked so the second pass knows that without evidence it must not pick the most popular
                    ambiguous.put(i, new BareCandidates(all, named));
                }
            } else if (named.size() == 1) {
                chosen.put(i, named.iterator().next());
            } else if (named.size() > 1) {
                ambiguous.put(i, named);
            }
        }
        return new FirstPass(lookups, chosen, ambiguous, articleCounts);
    }

    private static Set<Long> candidates(List<KeyMatch> matches, EntityType type, Set<String> keys, KeyKind kind) {
        Set<Long> out = new LinkedHashSet<>();
        if (keys.isEmpty()) {
            return out;
        }
        for (KeyMatch m : matches) {
            if (m.type() == type && m.kind() == kind && keys.contains(m.key())) {
                out.add(m.entityId());
            }
        }
        return out;
    }

    /** Candidates found only through a bare name. */
    private static final class BareCandidates extends LinkedHashSet<Long> {
        final Set<Long> sameBareName;

        BareCandidates(Set<Long> ids, Set<Long> sameBareName) {
            super(ids);
            this.sameBareName = sameBareName;
        }
    }
}
