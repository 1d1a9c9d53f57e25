package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.ExtractionResult;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.location.ArticleLayout;
import io.newsgraph.entities.persistence.ArticleEntityRow;
import io.newsgraph.entities.persistence.ArticleLinks;
import io.newsgraph.entities.persistence.EntityCatalogue;
import io.newsgraph.entities.persistence.ExtractionRecords;
import io.newsgraph.entities.persistence.MentionRow;
import io.newsgraph.entities.persistence.StoredEntity;
import io.newsgraph.entities.persistence.StoredExtraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces or removes one article's part of the entity graph, each in one transaction: the mentions, salience,
 * co-occurrence and counts change together or not at all, and every count moves by what this article changes (the
 * cost of a write is the article's size, not the archive's).
 *
 * <p>Writers run concurrently; no lock covers the whole graph. Each write takes its locks in one order: the
 * article's advisory lock (deliveries of one article take turns), per-key locks on names no entity has yet
 * ({@link EntityResolver}), co-occurrence rows and then entity rows, each set in descending id order. A write that
 * loses a race anyway (a deadlock PostgreSQL broke, an entity deleted meanwhile) is rolled back and retried by
 * {@link GraphWriteRetry}.
 */
@ApplicationScoped
public class ArticleGraphUpdater {

    @Inject
    ExtractionRecords records;

    @Inject
    ArticleLinks links;

    @Inject
    EntityCatalogue catalogue;

    @Inject
    EntityResolver resolver;

    /** Stores an article's extraction, without a layout (its mentions have no locations). */
    public ApplyOutcome replace(String articleId, long version, ExtractionResult result) {
        return replace(articleId, version, result, ArticleLayout.NONE);
    }

    /**
     * Stores an article's extraction and its layout unless a same or newer version is already stored. A span is stored
     * once: when two extracted entities claim the same (field, start, end), the first keeps it and the other's count
     * drops by one (the entity stays linked to the article, its salience was found on its own).
     */
    @Transactional
    public ApplyOutcome replace(String articleId, long version, ExtractionResult result, ArticleLayout layout) {
        records.lockArticle(articleId);
        Optional<StoredExtraction> current = records.find(articleId);
        if (current.isPresent() && current.get().version() >= version) {
            return ApplyOutcome.UNCHANGED;
        }
        List<ArticleEntityRow> before = links.current(articleId);
        EntityResolver.Resolution resolution = resolver.resolve(result.entities());

        // One row per canonical entity: two extracted entities may resolve to the same one.
        Map<Long, ArticleEntityRow> rows = new LinkedHashMap<>();
        List<MentionRow> mentions = new ArrayList<>();
        Set<String> spans = new HashSet<>();
        for (int i = 0; i < resolution.entities().size(); i++) {
            long id = resolution.entityIds().get(i);
            ExtractedEntity e = resolution.entities().get(i);
            List<Mention> ms = new ArrayList<>();
            for (Mention m : e.mentions() == null ? List.<Mention>of() : e.mentions()) {
                if (spans.add(m.field() + ":" + m.start() + ":" + m.end())) {
                    ms.add(m);
                }
            }
            rows.merge(id, new ArticleEntityRow(id, e.salience(), ms.size()),
                    (a, b) -> new ArticleEntityRow(a.entityId(), Math.max(a.salience(), b.salience()),
                            a.mentionCount() + b.mentionCount()));
            for (Mention m : ms) {
                mentions.add(new MentionRow(id, m.field().name(), m.start(), m.end(), m.text(),
                        m.part() == null ? null : m.part().name()));
            }
        }
        List<ArticleEntityRow> after = new ArrayList<>(rows.values());
        links.replace(articleId, before, after, mentions);

        Set<Long> toLock = new HashSet<>(resolution.existing());
        before.forEach(r -> toLock.add(r.entityId()));
        Map<Long, StoredEntity> locked = catalogue.lock(toLock);
        resolver.enrich(resolution, locked);
        catalogue.addCounts(deltas(before, after));
        catalogue.deleteOrphans(dropped(before, after));
        records.save(articleId, version, StoredExtraction.DONE, result.engine(), result.tookMillis(), after.size(),
                layout.parts().isEmpty() ? null : layout);
        return ApplyOutcome.APPLIED;
    }

    /** Removes an article's mentions; an unknown or already deleted article changes nothing. */
    @Transactional
    public ApplyOutcome delete(String articleId) {
        records.lockArticle(articleId);
        Optional<StoredExtraction> current = records.find(articleId);
        if (current.isEmpty() || StoredExtraction.DELETED.equals(current.get().status())) {
            return ApplyOutcome.UNCHANGED;
        }
        List<ArticleEntityRow> before = links.current(articleId);
        links.replace(articleId, before, List.of(), List.of());
        catalogue.lock(before.stream().map(ArticleEntityRow::entityId).toList());
        catalogue.addCounts(deltas(before, List.of()));
        catalogue.deleteOrphans(dropped(before, List.of()));
        records.markDeleted(articleId);
        return ApplyOutcome.DELETED;
    }

    /** How each entity's counts move when the article's rows go from one list to the other. */
    static List<EntityCatalogue.CountDelta> deltas(List<ArticleEntityRow> before, List<ArticleEntityRow> after) {
        Map<Long, int[]> d = new HashMap<>();
        before.forEach(r -> {
            int[] x = d.computeIfAbsent(r.entityId(), k -> new int[2]);
            x[0] -= r.mentionCount();
            x[1] -= 1;
        });
        after.forEach(r -> {
            int[] x = d.computeIfAbsent(r.entityId(), k -> new int[2]);
            x[0] += r.mentionCount();
            x[1] += 1;
        });
        return d.entrySet().stream()
                .map(e -> new EntityCatalogue.CountDelta(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
    }

    private static Set<Long> dropped(List<ArticleEntityRow> before, List<ArticleEntityRow> after) {
        Set<Long> out = new HashSet<>();
        before.forEach(r -> out.add(r.entityId()));
        after.forEach(r -> out.remove(r.entityId()));
        return out;
    }
}
