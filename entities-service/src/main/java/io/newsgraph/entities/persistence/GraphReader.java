package io.newsgraph.entities.persistence;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.location.ArticleLayout;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The read side of the entity graph. Every method answers for a whole set of ids in one SQL statement, so that a
 * GraphQL request costs a number of statements that depends on its shape, not on how many items it returns.
 */
@ApplicationScoped
public class GraphReader {

    private static final String ENTITY_COLUMNS = "e.id, e.type, e.name, e.normalized_value, e.country_code, "
            + "CAST(e.aliases AS text), CAST(e.roles AS text), e.mention_count, e.article_count";
    private static final int ENTITY_COLUMN_COUNT = 9;

    @Inject
    EntityManager em;

    @Inject
    JsonColumns json;

    @Inject
    GraphSql sql;

    /** One page position in "most articles first" order. */
    public record EntityPosition(int articleCount, long id) {
    }

    /** One page position in "most salient first" order. */
    public record ArticlePosition(double salience, String articleId) {
    }

    public record EntityArticle(long entityId, String articleId, double salience) {
    }

    /** One page position in "most shared articles first" order. */
    public record RelatedPosition(int articleCount, long otherId) {
    }

    public record Related(long entityId, int articleCount, StoredEntity other) {
    }

    public record ArticleEntity(String articleId, double salience, int mentionCount, StoredEntity entity) {
    }

    /** @param context {@code EMBEDDED_POST}, {@code SOURCES}, or null for prose (and for mentions stored before it was) */
    public record StoredMention(String articleId, long entityId, String field, int start, int end, String text,
                                String context) {
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

    private static final Keyset ENTITY_ORDER = new Keyset("e.article_count", "e.id");
    private static final Keyset ARTICLE_ORDER = new Keyset("ae.salience", "ae.article_id");
    private static final Keyset RELATED_ORDER = new Keyset("c.article_count", "c.other_id");

    /** How a page is read from its cursor: reading order and whether the cursor's own row is included. */
    public static final class Reading {
        final Keyset.Read read;

        private Reading(Keyset.Read read) {
            this.read = read;
        }

        /** The page itself: after the cursor in list order, or before it reading backwards. */
        public static Reading page(boolean backward) {
            return new Reading(new Keyset.Read(backward, false));
        }

        /** The probe of the other side of the cursor (one row is enough). */
        public Reading probe() {
            return new Reading(read.probe());
        }
    }

    /**
     * Entities in "most articles first, then oldest" order from the position (every entity when null), in reading
     * order.
     */
    public List<StoredEntity> entityPage(EntityType type, String countryCode, EntityPosition at, Reading reading,
                                         int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + ENTITY_COLUMNS + " FROM entity e WHERE e.article_count > 0");
        entityFilter(sql, type, countryCode);
        if (at != null) {
            sql.append(" AND ").append(ENTITY_ORDER.from(reading.read));
        }
        sql.append(" ORDER BY ").append(ENTITY_ORDER.orderBy(reading.read)).append(" LIMIT :limit");
        Query q = native_(sql.toString()).setParameter("limit", limit);
        entityFilter(q, type, countryCode);
        if (at != null) {
            q.setParameter("r", at.articleCount()).setParameter("t", at.id());
        }
        return tuples(q).stream().map(t -> entity(t, 0)).toList();
    }

    /** Entities with an article (of the type and country), counted up to {@code cap}: one index range, cut there. */
    public int countEntities(EntityType type, String countryCode, int cap) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM entity e WHERE e.article_count > 0");
        entityFilter(sql, type, countryCode);
        // in list order, so that the count walks the list's index and stops at the cap
        sql.append(" ORDER BY e.article_count DESC, e.id LIMIT :cap) x");
        Query q = em.createNativeQuery(sql.toString()).setParameter("cap", cap);
        entityFilter(q, type, countryCode);
        return ((Number) q.getSingleResult()).intValue();
    }

    private static void entityFilter(StringBuilder sql, EntityType type, String countryCode) {
        if (type != null) {
            sql.append(" AND e.type = :type");
        }
        if (countryCode != null) {
            sql.append(" AND e.country_code = :cc");
        }
    }

    private static void entityFilter(Query q, EntityType type, String countryCode) {
        if (type != null) {
            q.setParameter("type", type.name());
        }
        if (countryCode != null) {
            q.setParameter("cc", countryCode);
        }
    }

    /*
     * Entity search ranks a bounded candidate set, so that a name shared by half the catalogue costs about what a rare
     * name costs: the `candidates` names nearest to the query by word distance (`<<->`, one KNN range of the GiST
     * trigram index, cut at the limit) and the `candidates` entities with most articles (one range of
     * entity_rank_idx). Of these, the ones whose name or an alias is like the query (`<%`: word similarity at least
     * pg_trgm.word_similarity_threshold) are ranked best match first, then most articles. Each branch keeps its own
     * matches, so that no plan can go back to the whole table to test them. The candidate count is configuration,
     * never user input, so it is written into the statement: the plan then knows how far it reads.
     */
    private static String searchCandidates(int candidates, EntityType type) {
        String columns = ENTITY_COLUMNS + ", word_similarity(?, e.search_names) AS ws, e.search_names AS sn";
        return "SELECT * FROM ("
                + "(SELECT " + columns + " FROM entity e WHERE e.article_count > 0 AND ? <% e.search_names"
                + " ORDER BY ? <<-> e.search_names LIMIT " + candidates + ")"
                + " UNION (SELECT * FROM (SELECT " + columns + " FROM entity e WHERE e.article_count > 0"
                + (type != null ? " AND e.type = ?" : "")
                + " ORDER BY " + (type != null ? "e.type, " : "") + "e.article_count DESC, e.id LIMIT " + candidates
                + ") c WHERE ? <% c.sn)) x" + (type != null ? " WHERE x.type = ?" : "");
    }

    /**
     * Fuzzy name search over names and aliases (pg_trgm), best match first: {@code limit} rows from {@code offset} of
     * the ranking of at most twice {@code candidates} names.
     */
    public List<StoredEntity> search(String text, EntityType type, int candidates, int offset, int limit) {
        String query = searchCandidates(candidates, type) + " ORDER BY x.ws DESC, x.article_count DESC, x.id OFFSET ? LIMIT ?";
        return sql.work(c -> {
            try (PreparedStatement ps = customPlan(sql.prepareRead(c, query))) {
                int i = searchParameters(ps, text, type);
                ps.setInt(i++, offset);
                ps.setInt(i, limit);
                List<StoredEntity> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Object[] row = new Object[ENTITY_COLUMN_COUNT];
                        for (int k = 0; k < row.length; k++) {
                            row[k] = rs.getObject(k + 1);
                        }
                        out.add(entity(k -> row[k], 0));
                    }
                }
                return out;
            }
        });
    }

    /** Matches among the candidates of {@link #search} (so at most twice {@code candidates}). */
    public int countSearch(String text, EntityType type, int candidates) {
        String query = "SELECT count(*) FROM (" + searchCandidates(candidates, type) + ") n";
        return sql.work(c -> {
            try (PreparedStatement ps = customPlan(sql.prepareRead(c, query))) {
                searchParameters(ps, text, type);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * A search is planned for its own query text, every time: a generic plan cannot tell a name that half the
     * catalogue shares from a rare one, and it takes the bitmap of every match (then a sort of them all) over the KNN
     * range that stops at the candidate count. An unnamed statement is planned with its parameters.
     */
    private static PreparedStatement customPlan(PreparedStatement ps) throws SQLException {
        ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        return ps;
    }

    /** Binds the query text and type of {@link #searchCandidates}; returns the next parameter index. */
    private static int searchParameters(PreparedStatement ps, String text, EntityType type) throws SQLException {
        int i = 1;
        for (int n = 0; n < 3; n++) {
            ps.setString(i++, text);
        }
        ps.setString(i++, text);
        if (type != null) {
            ps.setString(i++, type.name());
        }
        ps.setString(i++, text);
        if (type != null) {
            ps.setString(i++, type.name());
        }
        return i;
    }

    /**
     * For each entity, its articles most salient first from the position (from the first when null), in reading
     * order: at most {@code limit} per entity.
     */
    public List<EntityArticle> articlesOf(Collection<Long> entityIds, ArticlePosition at, Reading reading, int limit) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        // One index range per entity, cut at the page: a hub in half the archive costs what a rare entity costs.
        String sql = "SELECT o.id, x.article_id, x.salience FROM entity o CROSS JOIN LATERAL ("
                + " SELECT ae.article_id, ae.salience FROM article_entity ae WHERE ae.entity_id = o.id"
                + (at != null ? " AND " + ARTICLE_ORDER.from(reading.read) : "")
                + " ORDER BY " + ARTICLE_ORDER.orderBy(reading.read) + " LIMIT :limit) x"
                + " WHERE o.id IN (:ids) ORDER BY o.id, " + new Keyset("x.salience", "x.article_id").orderBy(reading.read);
        Query q = native_(sql).setParameter("ids", entityIds).setParameter("limit", limit);
        if (at != null) {
            q.setParameter("r", at.salience()).setParameter("t", at.articleId());
        }
        return tuples(q).stream()
                .map(t -> new EntityArticle(num(t, 0).longValue(), (String) t.get(1), num(t, 2).doubleValue()))
                .toList();
    }

    /**
     * For each entity, the entities it shares most articles with from the position (from the first when null), in
     * reading order: at most {@code limit} each.
     */
    public List<Related> related(Collection<Long> entityIds, RelatedPosition at, Reading reading, int limit) {
        if (entityIds.isEmpty()) {
            return List.of();
        }
        // one index range per entity (co_occurrence_rank_idx), cut at the limit
        String sql = "SELECT o.id, x.article_count, " + ENTITY_COLUMNS + " FROM entity o CROSS JOIN LATERAL ("
                + " SELECT c.other_id, c.article_count FROM co_occurrence c WHERE c.entity_id = o.id"
                + (at != null ? " AND " + RELATED_ORDER.from(reading.read) : "")
                + " ORDER BY " + RELATED_ORDER.orderBy(reading.read) + " LIMIT :limit) x"
                + " JOIN entity e ON e.id = x.other_id WHERE o.id IN (:ids)"
                + " ORDER BY o.id, " + new Keyset("x.article_count", "x.other_id").orderBy(reading.read);
        Query q = native_(sql).setParameter("ids", entityIds).setParameter("limit", limit);
        if (at != null) {
            q.setParameter("r", at.articleCount()).setParameter("t", at.otherId());
        }
        return tuples(q).stream()
                .map(t -> new Related(num(t, 0).longValue(), num(t, 1).intValue(), entity(t, 2)))
                .toList();
    }

    /** For each entity, how many entities it shares an article with, counted up to {@code cap}. */
    public Map<Long, Integer> countRelated(Collection<Long> entityIds, int cap) {
        Map<Long, Integer> out = new LinkedHashMap<>();
        if (entityIds.isEmpty()) {
            return out;
        }
        // one index range per entity, cut at the cap
        String sql = "SELECT o.id, (SELECT count(*) FROM (SELECT 1 FROM co_occurrence c WHERE c.entity_id = o.id"
                + " ORDER BY c.article_count DESC, c.other_id LIMIT :cap) x) FROM entity o WHERE o.id IN (:ids)";
        for (Tuple t : tuples(native_(sql).setParameter("ids", entityIds).setParameter("cap", cap))) {
            out.put(num(t, 0).longValue(), num(t, 1).intValue());
        }
        return out;
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
        String sql = "SELECT m.article_id, m.entity_id, m.field, m.start_offset, m.end_offset, m.text, m.context"
                + " FROM mention m"
                + " WHERE m.article_id IN (:aids) AND m.entity_id IN (:eids)"
                + " ORDER BY m.article_id, m.entity_id, m.field DESC, m.start_offset";
        return tuples(native_(sql).setParameter("aids", articleIds).setParameter("eids", entityIds)).stream()
                .map(t -> new StoredMention((String) t.get(0), num(t, 1).longValue(), (String) t.get(2),
                        num(t, 3).intValue(), num(t, 4).intValue(), (String) t.get(5), (String) t.get(6)))
                .toList();
    }

    /** The stored layouts of the given articles; an article without one is absent. */
    public Map<String, ArticleLayout> layouts(Collection<String> articleIds) {
        Map<String, ArticleLayout> out = new LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return out;
        }
        String sql = "SELECT x.article_id, CAST(x.layout AS text) FROM extraction x"
                + " WHERE x.article_id IN (:ids) AND x.layout IS NOT NULL";
        for (Tuple t : tuples(native_(sql).setParameter("ids", articleIds))) {
            out.put((String) t.get(0), json.layout((String) t.get(1)));
        }
        return out;
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
        return entity(t::get, o);
    }

    /** The entity in the columns of {@link #ENTITY_COLUMNS} from column {@code o} of a row (0-based). */
    private StoredEntity entity(IntFunction<Object> row, int o) {
        String cc = (String) row.apply(o + 4);
        return new StoredEntity(((Number) row.apply(o)).longValue(), EntityType.valueOf((String) row.apply(o + 1)),
                (String) row.apply(o + 2), (String) row.apply(o + 3), cc == null ? null : cc.trim(),
                json.aliases((String) row.apply(o + 5)), json.roles((String) row.apply(o + 6)),
                ((Number) row.apply(o + 7)).intValue(), ((Number) row.apply(o + 8)).intValue());
    }
}
