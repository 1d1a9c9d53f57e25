package io.newsgraph.entities.persistence;

import io.newsgraph.entities.domain.KeyKind;
import io.newsgraph.entities.domain.NameKeys;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The write side of the entity graph, in plain SQL on the transaction's connection: the write path moves whole sets
 * of rows (an article's mentions, its co-occurrence pairs) and set-based statements keep that to a handful of round
 * trips. Every method must run inside the caller's transaction.
 */
@ApplicationScoped
public class GraphStore {

    /** Serialises graph writers: resolution reads then creates entities, which must not race. */
    private static final long GRAPH_LOCK = 0x6e6577736772L;

    @Inject
    EntityManager em;

    @Inject
    JsonColumns json;

    /** Takes the graph write lock until the transaction ends. */
    public void lockGraph() {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                ps.setLong(1, GRAPH_LOCK);
                ps.execute();
            }
            return null;
        });
    }

    /** The stored extraction of an article, row-locked until the transaction ends. */
    public Optional<StoredExtraction> findExtractionForUpdate(String articleId) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, status FROM extraction WHERE article_id = ? FOR UPDATE")) {
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
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT version FROM extraction WHERE article_id = ?")) {
                ps.setString(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
                }
            }
        });
    }

    /** Records the outcome of an extraction (insert or overwrite). */
    public void saveExtraction(String articleId, long version, String status, String engine, long tookMillis,
                               int entityCount) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO extraction (article_id, version, status, engine, took_ms, extracted_at, entity_count)
                    VALUES (?, ?, ?, ?, ?, now(), ?)
                    ON CONFLICT (article_id) DO UPDATE SET version = excluded.version, status = excluded.status,
                        engine = excluded.engine, took_ms = excluded.took_ms, extracted_at = excluded.extracted_at,
                        entity_count = excluded.entity_count""")) {
                ps.setString(1, articleId);
                ps.setLong(2, version);
                ps.setString(3, status);
                ps.setString(4, engine);
                ps.setLong(5, tookMillis);
                ps.setInt(6, entityCount);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Marks an extraction deleted, keeping its version. */
    public void markDeleted(String articleId) {
        update("UPDATE extraction SET status = 'DELETED', entity_count = 0, extracted_at = now() WHERE article_id = ?",
                articleId);
    }

    /** Every stored key among the given ones, in one query. */
    public List<KeyMatch> findKeys(Collection<EntityType> types, Collection<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT k.type, k.key, k.kind, k.entity_id, e.article_count
                    FROM entity_key k JOIN entity e ON e.id = k.entity_id
                    WHERE k.type = ANY(?) AND k.key = ANY(?)""")) {
                ps.setArray(1, c.createArrayOf("text", types.stream().map(Enum::name).toArray()));
                ps.setArray(2, c.createArrayOf("text", keys.toArray()));
                List<KeyMatch> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new KeyMatch(EntityType.valueOf(rs.getString(1)), rs.getString(2),
                                KeyKind.values()[rs.getShort(3)], rs.getLong(4), rs.getInt(5)));
                    }
                }
                return out;
            }
        });
    }

    /** Entities by id, for merging new names and roles into them. */
    public Map<Long, StoredEntity> loadEntities(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, type, name, normalized_value, country_code, aliases::text, roles::text,
                           mention_count, article_count
                    FROM entity WHERE id = ANY(?)""")) {
                ps.setArray(1, longs(c, ids));
                Map<Long, StoredEntity> out = new LinkedHashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredEntity e = readEntity(rs);
                        out.put(e.id(), e);
                    }
                }
                return out;
            }
        });
    }

    /**
     * How often each candidate co-occurs with any of the context entities, summed over them: the evidence that breaks
     * a tie between candidates for one name.
     */
    public Map<Long, Integer> coOccurrenceWith(Collection<Long> candidates, Collection<Long> context) {
        if (candidates.isEmpty() || context.isEmpty()) {
            return Map.of();
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT entity_id, sum(article_count) FROM co_occurrence
                    WHERE entity_id = ANY(?) AND other_id = ANY(?) GROUP BY entity_id""")) {
                ps.setArray(1, longs(c, candidates));
                ps.setArray(2, longs(c, context));
                Map<Long, Integer> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getLong(1), rs.getInt(2));
                    }
                }
                return out;
            }
        });
    }

    /** Creates a canonical entity and returns its id. */
    public long createEntity(EntityType type, String name, String normalizedValue, String countryCode,
                             List<String> aliases, List<Role> roles) {
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO entity (type, name, normalized_name, normalized_value, country_code, aliases, roles,
                                        search_names)
                    VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?) RETURNING id""")) {
                ps.setString(1, type.name());
                ps.setString(2, name);
                ps.setString(3, NameKeys.normalize(name));
                ps.setString(4, normalizedValue);
                setNullable(ps, 5, countryCode);
                ps.setString(6, json.write(aliases));
                ps.setString(7, json.write(roles));
                ps.setString(8, searchNames(name, aliases));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Overwrites the descriptive fields of an entity (the caller merged old and new). */
    public void updateEntity(long id, String name, String countryCode, List<String> aliases, List<Role> roles) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE entity SET name = ?, normalized_name = ?, country_code = ?, aliases = ?::jsonb,
                        roles = ?::jsonb, search_names = ?, updated_at = now()
                    WHERE id = ?""")) {
                ps.setString(1, name);
                ps.setString(2, NameKeys.normalize(name));
                setNullable(ps, 3, countryCode);
                ps.setString(4, json.write(aliases));
                ps.setString(5, json.write(roles));
                ps.setString(6, searchNames(name, aliases));
                ps.setLong(7, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Adds lookup keys to an entity; keys it already has are kept. */
    public void addKeys(long entityId, EntityType type, Collection<NameKeys.Key> keys) {
        if (keys.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO entity_key (type, key, kind, entity_id)
                    SELECT ?, k, kd, ? FROM unnest(?::text[], ?::smallint[]) AS t(k, kd)
                    ON CONFLICT DO NOTHING""")) {
                ps.setString(1, type.name());
                ps.setLong(2, entityId);
                ps.setArray(3, c.createArrayOf("text", keys.stream().map(NameKeys.Key::key).toArray()));
                ps.setArray(4, c.createArrayOf("smallint",
                        keys.stream().map(k -> (short) k.kind().ordinal()).toArray()));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Takes an article out of the graph: its co-occurrence contributions, salience rows and mentions.
     *
     * @return the entities it mentioned
     */
    public List<Long> removeArticle(String articleId) {
        return work(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT entity_id FROM article_entity WHERE article_id = ?")) {
                ps.setString(1, articleId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
            }
            if (ids.isEmpty()) {
                return ids;
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE co_occurrence SET article_count = article_count - 1
                    WHERE entity_id = ANY(?) AND other_id = ANY(?)""")) {
                Array arr = longs(c, ids);
                ps.setArray(1, arr);
                ps.setArray(2, arr);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM co_occurrence WHERE entity_id = ANY(?) AND article_count <= 0")) {
                ps.setArray(1, longs(c, ids));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM mention WHERE article_id = ?")) {
                ps.setString(1, articleId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM article_entity WHERE article_id = ?")) {
                ps.setString(1, articleId);
                ps.executeUpdate();
            }
            return ids;
        });
    }

    /** Puts an article into the graph: salience rows, mentions and co-occurrence pairs. */
    public void addArticle(String articleId, List<ArticleEntityRow> entities, List<MentionRow> mentions) {
        if (entities.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO article_entity (article_id, entity_id, salience, mention_count)
                    SELECT ?, e, s, m FROM unnest(?::bigint[], ?::float8[], ?::int[]) AS t(e, s, m)""")) {
                ps.setString(1, articleId);
                ps.setArray(2, longs(c, entities.stream().map(ArticleEntityRow::entityId).toList()));
                ps.setArray(3, c.createArrayOf("float8", entities.stream().map(ArticleEntityRow::salience).toArray()));
                ps.setArray(4, c.createArrayOf("int4", entities.stream().map(ArticleEntityRow::mentionCount).toArray()));
                ps.executeUpdate();
            }
            if (!mentions.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO mention (article_id, entity_id, field, start_offset, end_offset, text)
                        SELECT ?, e, f, s, n, t FROM unnest(?::bigint[], ?::text[], ?::int[], ?::int[], ?::text[])
                            AS x(e, f, s, n, t)""")) {
                    ps.setString(1, articleId);
                    ps.setArray(2, longs(c, mentions.stream().map(MentionRow::entityId).toList()));
                    ps.setArray(3, c.createArrayOf("text", mentions.stream().map(MentionRow::field).toArray()));
                    ps.setArray(4, c.createArrayOf("int4", mentions.stream().map(MentionRow::start).toArray()));
                    ps.setArray(5, c.createArrayOf("int4", mentions.stream().map(MentionRow::end).toArray()));
                    ps.setArray(6, c.createArrayOf("text", mentions.stream().map(MentionRow::text).toArray()));
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO co_occurrence (entity_id, other_id, article_count)
                    SELECT a.entity_id, b.entity_id, 1
                    FROM article_entity a JOIN article_entity b
                      ON b.article_id = a.article_id AND b.entity_id <> a.entity_id
                    WHERE a.article_id = ?
                    ORDER BY 1, 2
                    ON CONFLICT (entity_id, other_id)
                    DO UPDATE SET article_count = co_occurrence.article_count + 1""")) {
                ps.setString(1, articleId);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Recomputes the mention and article counts of the given entities from the salience rows. */
    public void refreshCounts(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE entity e SET
                        mention_count = coalesce(s.mentions, 0),
                        article_count = coalesce(s.articles, 0)
                    FROM (SELECT i AS id,
                                 (SELECT sum(mention_count) FROM article_entity WHERE entity_id = i) AS mentions,
                                 (SELECT count(*) FROM article_entity WHERE entity_id = i) AS articles
                          FROM unnest(?::bigint[]) AS i) s
                    WHERE e.id = s.id""")) {
                ps.setArray(1, longs(c, ids));
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Deletes those of the given entities that no article mentions any more (keys and pairs go with them). */
    public int deleteOrphans(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return work(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM entity WHERE id = ANY(?) AND article_count = 0")) {
                ps.setArray(1, longs(c, ids));
                return ps.executeUpdate();
            }
        });
    }

    private void update(String sql, String arg) {
        work(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, arg);
                ps.executeUpdate();
            }
            return null;
        });
    }

    StoredEntity readEntity(ResultSet rs) throws SQLException {
        return new StoredEntity(rs.getLong(1), EntityType.valueOf(rs.getString(2)), rs.getString(3),
                rs.getString(4), trimmed(rs.getString(5)), json.aliases(rs.getString(6)),
                json.roles(rs.getString(7)), rs.getInt(8), rs.getInt(9));
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    private static void setNullable(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    private static Array longs(Connection c, Collection<Long> ids) throws SQLException {
        return c.createArrayOf("bigint", ids.toArray());
    }

    private static String searchNames(String name, List<String> aliases) {
        return aliases.isEmpty() ? name : name + " | " + String.join(" | ", aliases);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T work(Work<T> w) {
        return em.unwrap(Session.class).doReturningWork(w::run);
    }
}
