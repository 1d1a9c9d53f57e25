package io.newsgraph.entities.persistence;

import io.newsgraph.entities.extraction.EntityType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read side of the entity graph. Every method answers for a whole set of ids in one SQL statement, so that a
 * GraphQL request costs a number of statements that depends on its shape, not on how many items it returns.
 */
@ApplicationScoped
public class GraphReader {

    private static final String ENTITY_COLUMNS = "e.id, e.type, e.name, e.normalized_value, e.country_code, "
            + "CAST(e.aliases AS text), CAST(e.roles AS text), e.mention_count, e.article_count";

    @Inject
    EntityManager em;

    @Inject
    JsonColumns json;

    /** One page position in "most articles first" order. */
    public record EntityPosition(int articleCount, long id) {
    }

    /** One page position in "most salient first" order. */
    public record ArticlePosition(double salience, String articleId) {
    }

    public record EntityArticle(long entityId, String articleId, double salience) {
    }

    public record Related(long entityId, int articleCount, StoredEntity other) {
    }

    public record ArticleEntity(String articleId, double salience, int mentionCount, StoredEntity entity) {
    }

    public record StoredMention(String articleId, long entityId, String field, int start, int end, String text) {
    }

    public Map<Long, StoredEntity> entities(Collection<Long> ids) {
        Map<Long, StoredEntity> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        for (Tuple t : tuples(native_("SELECT " + ENTITY_COLUMNS + " FROM entity e WHERE e.id IN (:ids)")
                .setParameter("ids", ids))) {
            StoredEntity e = entity(t, 0);
            out.put(e.id(), e);
        }
        return out;
    }

    /** Entities in "most articles first, then oldest" order, after the given position. */
    public List<StoredEntity> entityPage(EntityType type, String countryCode, EntityPosition after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + ENTITY_COLUMNS + " FROM entity e WHERE e.article_count > 0");
        if (type != null) {
            sql.append(" AND e.type = :type");
        }
        if (countryCode != null) {
            sql.append(" AND e.country_code = :cc");
        }
        if (after != null) {
            // "article_count <= :ac" starts the index range at the cursor: a deep page costs what the first one costs
            sql.append(" AND e.article_count <= :ac AND (e.article_count < :ac OR (e.article_count = :ac AND e.id > :id))");
        }
        sql.append(" ORDER BY e.article_count DESC, e.id LIMIT :limit");
        Query q = native_(sql.toString()).setParameter("limit", limit);
        if (type != null) {
            q.setParameter("type", type.name());
        }
        if (countryCode != null) {
            q.setParameter("cc", countryCode);
        }
        if (after != null) {
            q.setParameter("ac", after.articleCount()).setParameter("id", after.id());
        }
        return tuples(q).stream().map(t -> entity(t, 0)).toList();
    }

    /** Fuzzy name search over names and aliases (pg_trgm), best match first. */
    public List<StoredEntity> search(String text, EntityType type, int limit) {
        String sql = "SELECT " + ENTITY_COLUMNS + " FROM entity e"
                + " WHERE e.article_count > 0 AND (e.search_names ILIKE :like OR :q <% e.search_names)"
                + (type != null ? " AND e.type = :type" : "")
                + " ORDER BY word_similarity(:q, e.search_names) DESC, e.article_count DESC, e.id LIMIT :limit";
        Query q = native_(sql)
                .setParameter("q", text)
                .setParameter("like", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .setParameter("limit", limit);
        if (type != null) {
            q.setParameter("type", type.name());
        }
        return tuples(q).stream().map(t -> entity(t, 0)).toList();
    }

    /** For each entity, its articles most salient first: at most {@code limit} per entity, after the position. */
    public List<EntityArticle> articlesOf(Collection<Long> entityIds, ArticlePosition after, int limit) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        // One index range per entity, cut at the page: a hub in half the archive costs what a rare entity costs. The
        // extra "salience <= :s" starts the range at the cursor (the index is salience DESC, article_id ASC, which a
        // row comparison cannot express).
        String sql = "SELECT o.id, x.article_id, x.salience FROM entity o CROSS JOIN LATERAL ("
                + " SELECT ae.article_id, ae.salience FROM article_entity ae WHERE ae.entity_id = o.id"
                + (after != null
                    ? " AND ae.salience <= :s AND (ae.salience < :s OR (ae.salience = :s AND ae.article_id > :a))"
                    : "")
                + " ORDER BY ae.salience DESC, ae.article_id LIMIT :limit) x"
                + " WHERE o.id IN (:ids) ORDER BY o.id, x.salience DESC, x.article_id";
        Query q = native_(sql).setParameter("ids", entityIds).setParameter("limit", limit);
        if (after != null) {
            q.setParameter("s", after.salience()).setParameter("a", after.articleId());
        }
        return tuples(q).stream()
                .map(t -> new EntityArticle(num(t, 0).longValue(), (String) t.get(1), num(t, 2).doubleValue()))
                .toList();
    }

    /** For each entity, the entities it shares most articles with, at most {@code limit} each. */
    public List<Related> related(Collection<Long> entityIds, int limit) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        // one index range per entity (co_occurrence_rank_idx), cut at the limit
        String sql = "SELECT o.id, x.article_count, " + ENTITY_COLUMNS + " FROM entity o CROSS JOIN LATERAL ("
                + " SELECT c.other_id, c.article_count FROM co_occurrence c WHERE c.entity_id = o.id"
                + " ORDER BY c.article_count DESC, c.other_id LIMIT :limit) x"
                + " JOIN entity e ON e.id = x.other_id WHERE o.id IN (:ids)"
                + " ORDER BY o.id, x.article_count DESC, x.other_id";
        return tuples(native_(sql).setParameter("ids", entityIds).setParameter("limit", limit)).stream()
                .map(t -> new Related(num(t, 0).longValue(), num(t, 1).intValue(), entity(t, 2)))
                .toList();
    }

    /** The entities of each article, most salient first, optionally of one type and above a salience. */
    public List<ArticleEntity> entitiesOfArticles(Collection<String> articleIds, EntityType type, Double minSalience) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT ae.article_id, ae.salience, ae.mention_count, " + ENTITY_COLUMNS
                + " FROM article_entity ae JOIN entity e ON e.id = ae.entity_id WHERE ae.article_id IN (:ids)"
                + (type != null ? " AND e.type = :type" : "")
                + (minSalience != null ? " AND ae.salience >= :min" : "")
                + " ORDER BY ae.article_id, ae.salience DESC, e.id";
        Query q = native_(sql).setParameter("ids", articleIds);
        if (type != null) {
            q.setParameter("type", type.name());
        }
        if (minSalience != null) {
            q.setParameter("min", minSalience);
        }
        return tuples(q).stream()
                .map(t -> new ArticleEntity((String) t.get(0), num(t, 1).doubleValue(), num(t, 2).intValue(),
                        entity(t, 3)))
                .toList();
    }

    /** The mentions of the given entities in the given articles, title first, in text order. */
    public List<StoredMention> mentions(Collection<String> articleIds, Collection<Long> entityIds) {
        if (articleIds.isEmpty() || entityIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT m.article_id, m.entity_id, m.field, m.start_offset, m.end_offset, m.text FROM mention m"
                + " WHERE m.article_id IN (:aids) AND m.entity_id IN (:eids)"
                + " ORDER BY m.article_id, m.entity_id, m.field DESC, m.start_offset";
        return tuples(native_(sql).setParameter("aids", articleIds).setParameter("eids", entityIds)).stream()
                .map(t -> new StoredMention((String) t.get(0), num(t, 1).longValue(), (String) t.get(2),
                        num(t, 3).intValue(), num(t, 4).intValue(), (String) t.get(5)))
                .toList();
    }

    /** The extraction records of the given articles. */
    public Map<String, ExtractionRecord> extractions(Collection<String> articleIds) {
        Map<String, ExtractionRecord> out = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        em.createQuery("SELECT x FROM ExtractionRecord x WHERE x.articleId IN :ids", ExtractionRecord.class)
                .setParameter("ids", articleIds)
                .getResultList()
                .forEach(r -> out.put(r.articleId, r));
        return out;
    }

    private Query native_(String sql) {
        return em.createNativeQuery(sql, Tuple.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Tuple> tuples(Query q) {
        return new ArrayList<>((List<Tuple>) q.getResultList());
    }

    private static Number num(Tuple t, int i) {
        return (Number) t.get(i);
    }

    private StoredEntity entity(Tuple t, int o) {
        String cc = (String) t.get(o + 4);
        return new StoredEntity(num(t, o).longValue(), EntityType.valueOf((String) t.get(o + 1)), (String) t.get(o + 2),
                (String) t.get(o + 3), cc == null ? null : cc.trim(), json.aliases((String) t.get(o + 5)),
                json.roles((String) t.get(o + 6)), num(t, o + 7).intValue(), num(t, o + 8).intValue());
    }
}
