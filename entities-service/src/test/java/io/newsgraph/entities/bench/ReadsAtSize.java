package io.newsgraph.entities.bench;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.entities.persistence.GraphReader;
import io.newsgraph.entities.persistence.GraphReader.ArticlePosition;
import io.newsgraph.entities.persistence.GraphReader.Reading;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * The read side of the graph at an archive size, through the service's own {@link GraphReader} (the statements the
 * GraphQL resolvers run, in a transaction each, as a request has): the hub entity's first page of articles and a
 * page deep into them, its related entities, an article's entities, and entity search for a name the whole catalogue
 * shares and for a misspelt rare one. One line per statement: p50, p95 and p99 over {@code runs} timed calls after
 * {@code warmup} untimed ones.
 */
final class ReadsAtSize {

    /** The rare name stored once by the benchmark; searched for misspelt. */
    static final String RARE_NAME = "Quillon Marbrecht";
    static final String RARE_QUERY = "Quilon Marbrecht";
    /** Every catalogue entity is called "Zipf Entity n": the query matches all of them equally well. */
    static final String COMMON_QUERY = "Zipf Entity";

    static final String HEADER = "articles\tstatement\truns\tp50_ms\tp95_ms\tp99_ms\n";

    private final GraphReader reader;
    private final AgroalDataSource dataSource;
    private final int candidates;
    private final int warmup;
    private final int runs;

    ReadsAtSize(GraphReader reader, AgroalDataSource dataSource, int candidates, int warmup, int runs) {
        this.reader = reader;
        this.dataSource = dataSource;
        this.candidates = candidates;
        this.warmup = warmup;
        this.runs = runs;
    }

    List<String> measure(int size) throws SQLException {
        long hub = number("SELECT id FROM entity WHERE name = 'Zipf Entity 1'");
        long hubArticles = number("SELECT article_count FROM entity WHERE id = " + hub);
        // a position half-way down the hub's articles, most salient first: a page there is still one index range
        ArticlePosition deep = deepPosition(hub, hubArticles / 2);
        Random r = new Random(size);
        List<String> lines = new ArrayList<>();
        lines.add(line(size, "hub_articles_first_page", i -> reader.articlesOf(List.of(hub), null, Reading.page(false), 21)));
        lines.add(line(size, "hub_articles_deep_page", i -> reader.articlesOf(List.of(hub), deep, Reading.page(false), 21)));
        lines.add(line(size, "hub_related_first_page", i -> reader.related(List.of(hub), null, Reading.page(false), 11)));
        lines.add(line(size, "article_entities", i -> reader.entitiesOfArticles(
                List.of("base-" + (1 + r.nextInt(size))), null, null)));
        lines.add(line(size, "search_common", i -> reader.search(COMMON_QUERY, null, candidates, 0, 20)));
        lines.add(line(size, "search_common_count", i -> reader.countSearch(COMMON_QUERY, null, candidates)));
        lines.add(line(size, "search_rare", i -> reader.search(RARE_QUERY, null, candidates, 0, 20)));
        return lines;
    }

    /** Checks that a search answers what the benchmark claims it measures. */
    void checkSearches() {
        var rare = QuarkusTransaction.requiringNew().call(() -> reader.search(RARE_QUERY, null, candidates, 0, 20));
        if (rare.isEmpty() || !rare.get(0).name().equals(RARE_NAME)) {
            throw new IllegalStateException("rare search found " + rare);
        }
        var common = QuarkusTransaction.requiringNew().call(() -> reader.search(COMMON_QUERY, null, candidates, 0, 20));
        if (common.size() != 20 || !common.get(0).name().equals("Zipf Entity 1")) {
            throw new IllegalStateException("common search found " + common);
        }
    }

    private String line(int size, String statement, IntFunction<?> call) {
        long[] took = new long[runs];
        for (int i = 0; i < warmup + runs; i++) {
            int n = i;
            long t = System.nanoTime();
            QuarkusTransaction.requiringNew().call(() -> call.apply(n));
            if (i >= warmup) {
                took[i - warmup] = System.nanoTime() - t;
            }
        }
        java.util.Arrays.sort(took);
        return String.format("%d\t%s\t%d\t%.2f\t%.2f\t%.2f", size, statement, runs, at(took, 0.50), at(took, 0.95),
                at(took, 0.99));
    }

    private static double at(long[] sorted, double q) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * q) - 1)] / 1e6;
    }

    private ArticlePosition deepPosition(long entity, long offset) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT salience, article_id FROM article_entity WHERE entity_id = " + entity
                     + " ORDER BY salience DESC, article_id OFFSET " + offset + " LIMIT 1")) {
            rs.next();
            return new ArticlePosition(rs.getDouble(1), rs.getString(2));
        }
    }

    private long number(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
