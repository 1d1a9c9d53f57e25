package io.newsgraph.entities.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What ties articles to entities: the salience rows ({@code article_entity}), the mentions, and the co-occurrence
 * counts they add up to. Every method must run inside the caller's transaction, which holds the article's lock, and
 * costs what the article holds, not what the archive holds.
 */
@ApplicationScoped
public class ArticleLinks {

    @Inject
    GraphSql sql;

    /** The article's salience rows as stored now. */
    public List<ArticleEntityRow> current(String articleId) {
        return sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c,
                    "SELECT entity_id, salience, mention_count FROM article_entity WHERE article_id = ?")) {
                ps.setString(1, articleId);
                List<ArticleEntityRow> out = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ArticleEntityRow(rs.getLong(1), rs.getDouble(2), rs.getInt(3)));
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
        return sql.work(c -> {
            try (PreparedStatement ps = sql.prepare(c, """
                    SELECT entity_id, sum(article_count) FROM co_occurrence
                    WHERE entity_id = ANY(?) AND other_id = ANY(?) GROUP BY entity_id""")) {
                ps.setArray(1, GraphSql.longs(c, candidates));
                ps.setArray(2, GraphSql.longs(c, context));
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

    /**
     * Replaces the article's salience rows and mentions, and moves the co-occurrence counts by the pairs that the
     * change adds or removes: a re-extraction that keeps its entities touches no pair at all.
     *
     * @param before what {@link #current} returned under the same lock
     */
    public void replace(String articleId, List<ArticleEntityRow> before, List<ArticleEntityRow> after,
                        List<MentionRow> mentions) {
        sql.work(c -> {
            if (!before.isEmpty()) {
                delete(c, "DELETE FROM mention WHERE article_id = ?", articleId);
                delete(c, "DELETE FROM article_entity WHERE article_id = ?", articleId);
            }
            if (!after.isEmpty()) {
                insertRows(c, articleId, after);
            }
            if (!mentions.isEmpty()) {
                insertMentions(c, articleId, mentions);
            }
            movePairs(c, ids(before), ids(after));
            return null;
        });
    }

    private void delete(Connection c, String statement, String articleId) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c, statement)) {
            ps.setString(1, articleId);
            ps.executeUpdate();
        }
    }

    private void insertRows(Connection c, String articleId, List<ArticleEntityRow> rows) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c, """
                INSERT INTO article_entity (article_id, entity_id, salience, mention_count)
                SELECT ?, e, s, m FROM unnest(?::bigint[], ?::float8[], ?::int4[]) AS t(e, s, m)""")) {
            ps.setString(1, articleId);
            ps.setArray(2, GraphSql.longs(c, rows.stream().map(ArticleEntityRow::entityId).toList()));
            ps.setArray(3, c.createArrayOf("float8", rows.stream().map(ArticleEntityRow::salience).toArray()));
            ps.setArray(4, GraphSql.ints(c, rows.stream().map(ArticleEntityRow::mentionCount).toList()));
            ps.executeUpdate();
        }
    }

    private void insertMentions(Connection c, String articleId, List<MentionRow> mentions) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c, """
                INSERT INTO mention (article_id, entity_id, field, start_offset, end_offset, text, context)
                SELECT ?, e, f, s, n, t, k
                FROM unnest(?::bigint[], ?::text[], ?::int4[], ?::int4[], ?::text[], ?::text[]) AS x(e, f, s, n, t, k)""")) {
            ps.setString(1, articleId);
            ps.setArray(2, GraphSql.longs(c, mentions.stream().map(MentionRow::entityId).toList()));
            ps.setArray(3, GraphSql.texts(c, mentions.stream().map(MentionRow::field).toList()));
            ps.setArray(4, GraphSql.ints(c, mentions.stream().map(MentionRow::start).toList()));
            ps.setArray(5, GraphSql.ints(c, mentions.stream().map(MentionRow::end).toList()));
            ps.setArray(6, GraphSql.texts(c, mentions.stream().map(MentionRow::text).toList()));
            ps.setArray(7, GraphSql.texts(c, mentions.stream().map(MentionRow::context).toList()));
            ps.executeUpdate();
        }
    }

    /** One co-occurrence row and how its count moves. */
    record PairDelta(long entityId, long otherId, int delta) {
    }

    /**
     * The pair changes between two entity sets of one article, both directions, in descending order: every writer
     * locks pair rows in that one order, so two writers never wait for each other in a cycle, and the busiest pairs
     * (between the oldest entities) are locked last.
     */
    static List<PairDelta> pairDeltas(Set<Long> before, Set<Long> after) {
        List<PairDelta> out = new ArrayList<>();
        addPairs(out, before, after, -1);
        addPairs(out, after, before, 1);
        out.sort(Comparator.comparingLong(PairDelta::entityId).thenComparingLong(PairDelta::otherId).reversed());
        return out;
    }

    private static void addPairs(List<PairDelta> out, Set<Long> from, Set<Long> except, int delta) {
        for (long a : from) {
            for (long b : from) {
                if (a != b && !(except.contains(a) && except.contains(b))) {
                    out.add(new PairDelta(a, b, delta));
                }
            }
        }
    }

    private void movePairs(Connection c, Set<Long> before, Set<Long> after) throws SQLException {
        List<PairDelta> deltas = pairDeltas(before, after);
        if (deltas.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = sql.prepare(c, """
                INSERT INTO co_occurrence (entity_id, other_id, article_count)
                SELECT * FROM unnest(?::bigint[], ?::bigint[], ?::int4[])
                ON CONFLICT (entity_id, other_id)
                DO UPDATE SET article_count = co_occurrence.article_count + excluded.article_count""")) {
            ps.setArray(1, GraphSql.longs(c, deltas.stream().map(PairDelta::entityId).toList()));
            ps.setArray(2, GraphSql.longs(c, deltas.stream().map(PairDelta::otherId).toList()));
            ps.setArray(3, GraphSql.ints(c, deltas.stream().map(PairDelta::delta).toList()));
            ps.executeUpdate();
        }
        List<PairDelta> removed = deltas.stream().filter(d -> d.delta() < 0).toList();
        if (removed.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = sql.prepare(c, """
                DELETE FROM co_occurrence c USING unnest(?::bigint[], ?::bigint[]) AS r(e, o)
                WHERE c.entity_id = r.e AND c.other_id = r.o AND c.article_count <= 0""")) {
            ps.setArray(1, GraphSql.longs(c, removed.stream().map(PairDelta::entityId).toList()));
            ps.setArray(2, GraphSql.longs(c, removed.stream().map(PairDelta::otherId).toList()));
            ps.executeUpdate();
        }
    }

    private static Set<Long> ids(List<ArticleEntityRow> rows) {
        Set<Long> out = new HashSet<>();
        rows.forEach(r -> out.add(r.entityId()));
        return out;
    }
}
