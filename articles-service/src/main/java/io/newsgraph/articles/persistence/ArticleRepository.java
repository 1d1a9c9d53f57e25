package io.newsgraph.articles.persistence;

import io.newsgraph.articles.domain.Article;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries on {@link Article}. Callers own the transaction. */
@ApplicationScoped
public class ArticleRepository {

    /** A page of search hits: ids in rank order, with rank and the raw headline (markers \u0001 ... \u0002). */
    public record SearchHit(UUID id, double rank, String headline) {
    }

    /** Highlight markers handed to ts_headline; control characters never survive ingest, so they are unambiguous. */
    public static final char HIGHLIGHT_START = '\u0001';
    public static final char HIGHLIGHT_END = '\u0002';

    private final EntityManager em;

    public ArticleRepository(EntityManager em) {
        this.em = em;
    }

    public Optional<Article> find(UUID id) {
        return Optional.ofNullable(em.find(Article.class, id));
    }

    public Optional<Article> findForUpdate(UUID id) {
        return Optional.ofNullable(em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** One query for any number of ids; missing ids are simply absent. */
    public List<Article> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One array parameter rather than an IN list: the same SQL for every batch size, so neither Hibernate nor
        // PostgreSQL prepares the statement again for each size (the _entities lookup of every federated read).
        @SuppressWarnings("unchecked")
        List<Article> found = em.createNativeQuery("SELECT * FROM article WHERE id = ANY(:ids)", Article.class)
                .setParameter("ids", ids.toArray(UUID[]::new)).getResultList();
        return found;
    }

    /** The next {@code limit} articles by id after {@code after} (from the first when null), locked for update. */
    public List<Article> nextByIdForUpdate(UUID after, int limit) {
        return em.createQuery("from Article a where :after is null or a.id > :after order by a.id", Article.class)
                .setParameter("after", after).setMaxResults(limit)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
    }

    public Optional<Article> findByExternalIdForUpdate(String externalId) {
        return em.createQuery("from Article a where a.externalId = :x", Article.class).setParameter("x", externalId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public Optional<Article> findByUrlForUpdate(String url) {
        return em.createQuery("from Article a where a.externalId is null and a.url = :u", Article.class)
                .setParameter("u", url).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst();
    }

    public void persist(Article article) {
        em.persist(article);
    }

    public void delete(Article article) {
        em.remove(article);
    }

    public void flush() {
        em.flush();
    }

    /**
     * Newest first (sortAt, then id, both descending) from the cursor: after it in list order, or {@code backward}
     * before it in reverse order (the rows come in reading order); {@code inclusive} takes the cursor's own row too (a
     * probe of the other side of a page). At most {@code limit}.
     */
    public List<Article> list(String source, OffsetDateTime from, OffsetDateTime to, Cursors.ListKey at,
                              boolean backward, boolean inclusive, int limit) {
        StringBuilder jpql = new StringBuilder("from Article a where 1 = 1");
        filter(jpql, source, from, to);
        if (at != null) {
            String op = backward ? ">" : "<";
            jpql.append(" and (a.sortAt ").append(op).append(" :atAt or (a.sortAt = :atAt and a.id ").append(op)
                    .append(inclusive ? "=" : "").append(" :atId))");
        }
        jpql.append(backward ? " order by a.sortAt asc, a.id asc" : " order by a.sortAt desc, a.id desc");
        TypedQuery<Article> q = em.createQuery(jpql.toString(), Article.class);
        filter(q, source, from, to);
        if (at != null) {
            q.setParameter("atAt", at.sortAt()).setParameter("atId", at.id());
        }
        return q.setMaxResults(limit).getResultList();
    }

    /** The articles of the filter, counted up to {@code cap}: the count stops there, whatever the archive holds. */
    public int count(String source, OffsetDateTime from, OffsetDateTime to, int cap) {
        StringBuilder sql = new StringBuilder("SELECT count(*) FROM (SELECT 1 FROM article a WHERE true");
        if (source != null) {
            sql.append(" AND a.source = :source");
        }
        if (from != null) {
            sql.append(" AND a.published_at >= :from");
        }
        if (to != null) {
            sql.append(" AND a.published_at < :to");
        }
        // in list order, so that the count walks the list's index and stops at the cap
        sql.append(source != null ? " ORDER BY a.source, a.sort_at DESC, a.id DESC" : " ORDER BY a.sort_at DESC, a.id DESC");
        sql.append(" LIMIT :cap) x");
        jakarta.persistence.Query q = em.createNativeQuery(sql.toString()).setParameter("cap", cap);
        if (source != null) {
            q.setParameter("source", source);
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
        return ((Number) q.getSingleResult()).intValue();
    }

    private static void filter(StringBuilder jpql, String source, OffsetDateTime from, OffsetDateTime to) {
        if (source != null) {
            jpql.append(" and a.source = :source");
        }
        if (from != null) {
            jpql.append(" and a.publishedAt >= :from");
        }
        if (to != null) {
            jpql.append(" and a.publishedAt < :to");
        }
    }

    private static void filter(TypedQuery<Article> q, String source, OffsetDateTime from, OffsetDateTime to) {
        if (source != null) {
            q.setParameter("source", source);
        }
        if (from != null) {
            q.setParameter("from", from);
        }
        if (to != null) {
            q.setParameter("to", to);
        }
    }

    /** Matches of {@link #search} among the newest {@code candidates}: the set search ranks, so bounded by it. */
    public int countSearch(String query, int candidates) {
        String sql = """
                SELECT count(*) FROM (
                    SELECT 1 FROM article a
                    WHERE a.search @@ websearch_to_tsquery('english', :query)
                    ORDER BY a.sort_at DESC, a.id DESC
                    LIMIT :candidates) c
                """;
        return ((Number) em.createNativeQuery(sql).setParameter("query", query).setParameter("candidates", candidates)
                .getSingleResult()).intValue();
    }

    /**
     * Ranked full-text hits; the headline is computed only for the rows of the page. Only the newest
     * {@code candidates} matches are ranked: a term that matches half the archive costs what a rare term costs (the
     * planner walks the newest-first index and stops, or takes the few matches from the GIN index), at the price that
     * an older match is not found for a very common query however well it ranks.
     */
    @SuppressWarnings("unchecked")
    public List<SearchHit> search(String query, int offset, int limit, int candidates) {
        // the query is written out in the candidate scan (not taken from q) so that the planner sees its selectivity
        String sql = """
                WITH q AS (SELECT websearch_to_tsquery('english', :query) AS tsq),
                candidates AS (
                    SELECT a.id, a.search FROM article a
                    WHERE a.search @@ websearch_to_tsquery('english', :query)
                    ORDER BY a.sort_at DESC, a.id DESC
                    LIMIT :candidates
                ),
                hits AS (
                    SELECT c.id, ts_rank_cd(c.search, q.tsq) AS rank
                    FROM candidates c, q
                    ORDER BY rank DESC, c.id
                    OFFSET :offset LIMIT :limit
                )
                SELECT h.id, h.rank, ts_headline('english', a.body, q.tsq, :options)
                FROM hits h JOIN article a ON a.id = h.id, q
                ORDER BY h.rank DESC, h.id
                """;
        String options = "StartSel=" + HIGHLIGHT_START + ", StopSel=" + HIGHLIGHT_END
                + ", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";
        List<Object[]> rows = em.createNativeQuery(sql).setParameter("query", query).setParameter("offset", offset)
                .setParameter("limit", limit).setParameter("candidates", candidates).setParameter("options", options)
                .getResultList();
        List<SearchHit> hits = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            hits.add(new SearchHit((UUID) row[0], ((Number) row[1]).doubleValue(), (String) row[2]));
        }
        return hits;
    }
}
