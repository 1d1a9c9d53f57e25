package io.newsgraph.entities.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.newsgraph.entities.location.ArticleLayout;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The {@code extraction} table: one row per article ever delivered, its version and outcome. Every method must run
 * inside the caller's transaction.
 */
@ApplicationScoped
public class ExtractionRecords {

    @Inject
    GraphSql sql;

    @Inject
    JsonColumns json;

    /**
     * Serialises the writers of one article until the transaction ends. A row lock cannot do it for an article that
     * has no row yet; writers of different articles do not wait for each other (a hash collision only makes two of
     * them take turns).
     */
    public void lockArticle(String articleId) {
        sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, "SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, AdvisoryLocks.ARTICLE);
                ps.setInt(2, articleId.hashCode());
                ps.execute();
            }
            return null;
        });
    }

    /** The stored extraction of an article (the caller holds the article's lock). */
    public Optional<StoredExtraction> find(String articleId) {
        return sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, "SELECT version, status FROM extraction WHERE article_id = ?")) {
                ps.setString(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next()
                            ? Optional.of(new StoredExtraction(articleId, rs.getLong(1), rs.getString(2)))
                            : Optional.empty();
                }
            }
        });
    }

    /** The stored version of an article, without locking: a cheap pre-check before extraction. */
    public Optional<Long> storedVersion(String articleId) {
        return find(articleId).map(StoredExtraction::version);
    }

    /** Records the outcome of an extraction (insert or overwrite) and the article's layout (null: none). */
    public void save(String articleId, long version, String status, String engine, long tookMillis, int entityCount,
                     ArticleLayout layout) {
        sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, """
                    INSERT INTO extraction (article_id, version, status, engine, took_ms, extracted_at, entity_count,
                        layout)
                    VALUES (?, ?, ?, ?, ?, now(), ?, CAST(? AS jsonb))
                    ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, status = excluded.status,
                        engine = excluded.engine, took_ms = excluded.took_ms, extracted_at = excluded.extracted_at,
                        entity_count = excluded.entity_count, layout = excluded.layout""")) {
                ps.setString(1, articleId);
                ps.setLong(2, version);
                ps.setString(3, status);
                ps.setString(4, engine);
                ps.setLong(5, tookMillis);
                ps.setInt(6, entityCount);
                ps.setString(7, layout == null ? null : json.write(layout));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Marks an extraction deleted, keeping its version. */
    public void markDeleted(String articleId) {
        sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c,
                    "UPDATE extraction SET status = 'DELETED', entity_count = 0, extracted_at = now(), layout = NULL"
                            + " WHERE article_id = ?")) {
                ps.setString(1, articleId);
                ps.executeUpdate();
            }
            return null;
        });
    }
}
