package io.newsgraph.entities.domain;

import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.ExtractionResult;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.persistence.ArticleEntityRow;
import io.newsgraph.entities.persistence.GraphStore;
import io.newsgraph.entities.persistence.MentionRow;
import io.newsgraph.entities.persistence.StoredExtraction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces or removes one article's part of the entity graph, each in one transaction: the mentions, salience,
 * co-occurrence and counts change together or not at all.
 *
 * <p>Writers take one advisory lock for the whole graph. Resolution reads candidates and then creates entities, and
 * co-occurrence rows are shared between articles; serialising these short transactions (the costly extraction runs
 * before, outside) keeps both free of duplicate entities and deadlocks. The article's own extraction row is locked
 * too, and its stored version decides whether the delivery is new.
 */
@ApplicationScoped
public class ArticleGraphUpdater {

    @Inject
    GraphStore store;

    @Inject
    EntityResolver resolver;

    /** Stores an article's extraction unless a same or newer version is already stored. */
    @Transactional
    public ApplyOutcome replace(String articleId, long version, ExtractionResult result) {
        store.lockGraph();
        Optional<StoredExtraction> current = store.findExtractionForUpdate(articleId);
        if (current.isPresent() && current.get().version() >= version) {
            return ApplyOutcome.UNCHANGED;
        }
        List<EntityResolver.Resolved> resolved = resolver.resolve(result.entities());

        // One row per canonical entity: two extracted entities may resolve to the same one.
        Map<Long, ArticleEntityRow> rows = new LinkedHashMap<>();
        List<MentionRow> mentions = new ArrayList<>();
        for (EntityResolver.Resolved r : resolved) {
            ExtractedEntity e = r.extracted();
            List<Mention> ms = e.mentions() == null ? List.of() : e.mentions();
            rows.merge(r.entityId(), new ArticleEntityRow(r.entityId(), e.salience(), ms.size()),
                    (a, b) -> new ArticleEntityRow(a.entityId(), Math.max(a.salience(), b.salience()),
                            a.mentionCount() + b.mentionCount()));
            for (Mention m : ms) {
                mentions.add(new MentionRow(r.entityId(), m.field().name(), m.start(), m.end(), m.text()));
            }
        }

        List<Long> before = store.removeArticle(articleId);
        store.addArticle(articleId, new ArrayList<>(rows.values()), mentions);
        Set<Long> touched = new HashSet<>(before);
        touched.addAll(rows.keySet());
        store.refreshCounts(touched);
        Set<Long> dropped = new HashSet<>(before);
        dropped.removeAll(rows.keySet());
        store.deleteOrphans(dropped);
        store.saveExtraction(articleId, version, StoredExtraction.DONE, result.engine(), result.tookMillis(),
                rows.size());
        return ApplyOutcome.APPLIED;
    }

    /** Removes an article's mentions; an unknown or already deleted article changes nothing. */
    @Transactional
    public ApplyOutcome delete(String articleId) {
        store.lockGraph();
        Optional<StoredExtraction> current = store.findExtractionForUpdate(articleId);
        if (current.isEmpty() || StoredExtraction.DELETED.equals(current.get().status())) {
            return ApplyOutcome.UNCHANGED;
        }
        List<Long> before = store.removeArticle(articleId);
        store.refreshCounts(before);
        store.deleteOrphans(before);
        store.markDeleted(articleId);
        return ApplyOutcome.DELETED;
    }
}
