package io.newsgraph.entities.bench;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.entities.config.EntitiesConfig;
import io.newsgraph.entities.domain.ApplyOutcome;
import io.newsgraph.entities.domain.ArticleGraphUpdater;
import io.newsgraph.entities.domain.GraphWriteRetry;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.ExtractedEntity;
import io.newsgraph.entities.extraction.ExtractionResult;
import io.newsgraph.entities.extraction.Mention;
import io.newsgraph.entities.persistence.GraphReader;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The store step of entities-service at archive sizes, without NER: extraction results are generated with the shapes
 * of news (20-40 entities an article, Zipf-distributed over a catalogue that grows with the archive, so a few hubs are
 * in most articles; one or two new names an article) and stored by {@link ArticleGraphUpdater} in the real schema of
 * a real PostgreSQL, by 1, 2 and 4 concurrent writers. The base archive is bulk-filled in SQL with the same shapes.
 * At each size, after the writes, the read statements are timed as well ({@link ReadsAtSize}).
 *
 * <p>Run by {@code bench/scale.sh}; skipped unless {@code -Dnewsgraph.bench.store.db-url} is given. Writes one line
 * per (size, writers) to {@code newsgraph.bench.store.out} and one per (size, read statement) to
 * {@code newsgraph.bench.store.reads-out}.
 */
@QuarkusTest
@TestProfile(StoreBenchmark.Profile.class)
@EnabledIfSystemProperty(named = "newsgraph.bench.store.db-url", matches = ".+")
class StoreBenchmark {

    private static final Logger LOG = Logger.getLogger(StoreBenchmark.class);

    /** The benchmark's own database, a bounded pool big enough for the writers, no models. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", System.getProperty("newsgraph.bench.store.db-url"),
                    "quarkus.datasource.username", System.getProperty("newsgraph.bench.store.db-user", "postgres"),
                    "quarkus.datasource.password", System.getProperty("newsgraph.bench.store.db-password", ""),
                    "quarkus.datasource.jdbc.max-size", "16",
                    "newsgraph.extraction.load-at-startup", "false");
        }
    }

    @Inject
    ArticleGraphUpdater updater;

    @Inject
    GraphWriteRetry retry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GraphReader reader;

    @Inject
    EntitiesConfig config;

    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void storeAtSizes() throws Exception {
        int[] sizes = Arrays.stream(System.getProperty("newsgraph.bench.store.sizes", "10000,100000").split(","))
                .mapToInt(s -> Integer.parseInt(s.strip())).toArray();
        int perWriter = Integer.getInteger("newsgraph.bench.store.articles-per-writer", 100);
        Path out = Path.of(System.getProperty("newsgraph.bench.store.out", "target/store-benchmark.tsv"));
        Path readsOut = Path.of(System.getProperty("newsgraph.bench.store.reads-out", "target/reads-benchmark.tsv"));
        ReadsAtSize reads = new ReadsAtSize(reader, dataSource, config.graphql().searchCandidates(),
                Integer.getInteger("newsgraph.bench.store.read-warmup", 20),
                Integer.getInteger("newsgraph.bench.store.read-runs", 200));
        Files.writeString(out, "articles\twriters\tstored\tp50_ms\tp99_ms\tarticles_per_s\tretries\n");
        Files.writeString(readsOut, ReadsAtSize.HEADER);
        storeRareName();
        for (int size : sizes) {
            fillTo(size);
            for (int writers : new int[] {1, 2, 4}) {
                String line = measure(size, writers, perWriter * writers);
                LOG.info(line);
                Files.writeString(out, line + "\n", StandardOpenOption.APPEND);
            }
            reads.checkSearches();
            for (String line : reads.measure(size)) {
                LOG.info(line);
                Files.writeString(readsOut, line + "\n", StandardOpenOption.APPEND);
            }
        }
    }

    /** One article naming the rare person that entity search looks for, stored by the write path. */
    private void storeRareName() {
        String name = ReadsAtSize.RARE_NAME;
        ExtractionResult result = new ExtractionResult(List.of(new ExtractedEntity(EntityType.PERSON, name, null, null,
                List.of(), List.of(), List.of(new Mention(Mention.Field.BODY, 0, name.length(), name)), 0.5)),
                "generated", 0);
        if (retry.run(() -> updater.replace("bench-rare", 1, result)) != ApplyOutcome.APPLIED) {
            throw new IllegalStateException("rare article not stored");
        }
    }

    /** Catalogue size for an archive of n articles: news vocabulary grows more slowly than the archive. */
    static int catalogue(int articles) {
        return 2_000 + articles / 2;
    }

    /** Zipf (s = 1) over 1..n, by inverse transform of the log-uniform approximation. */
    static int zipf(Random r, int n) {
        return (int) Math.min(n, Math.floor(Math.exp(r.nextDouble() * Math.log(n + 1.0))));
    }

    private String measure(int size, int writers, int articles) throws Exception {
        int catalogue = catalogue(size);
        double retriesBefore = retries();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int count = articles / writers;
                long seed = size * 31L + writers * 7L + w;
                done.add(pool.submit(() -> {
                    Random r = new Random(seed);
                    for (int i = 0; i < count; i++) {
                        String id = "bench-" + sequence.incrementAndGet() + "-" + seed;
                        ExtractionResult result = generate(r, catalogue, id);
                        long t = System.nanoTime();
                        ApplyOutcome outcome = retry.run(() -> updater.replace(id, 1, result));
                        latencies.add(System.nanoTime() - t);
                        if (outcome != ApplyOutcome.APPLIED) {
                            throw new IllegalStateException("not applied: " + id);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<Long> sorted = latencies.stream().sorted().toList();
        return String.format("%d\t%d\t%d\t%.1f\t%.1f\t%.1f\t%.0f", size, writers, sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6,
                sorted.size() / seconds, retries() - retriesBefore);
    }

    private double retries() {
        var c = io.micrometer.core.instrument.Metrics.globalRegistry.find("newsgraph.graph.write.retries").counter();
        return c == null ? 0 : c.count();
    }

    /** One article's extraction: 20-40 distinct catalogue entities by Zipf rank, plus one or two new names. */
    static ExtractionResult generate(Random r, int catalogue, String articleId) {
        int n = 20 + r.nextInt(21);
        Set<Integer> ranks = new LinkedHashSet<>();
        while (ranks.size() < n - 2) {
            ranks.add(zipf(r, catalogue));
        }
        List<ExtractedEntity> entities = new ArrayList<>();
        int offset = 0;
        for (int rank : ranks) {
            entities.add(entity(r, "Zipf Entity " + rank, rank % 2 == 0 ? EntityType.ORGANIZATION : EntityType.LOCATION,
                    offset));
            offset += 200;
        }
        for (int i = 0; i < 1 + r.nextInt(2); i++) {
            entities.add(entity(r, "Fresh Name " + articleId + " " + i, EntityType.ORGANIZATION, offset));
            offset += 200;
        }
        return new ExtractionResult(entities, "generated", 0);
    }

    private static ExtractedEntity entity(Random r, String name, EntityType type, int offset) {
        List<Mention> mentions = new ArrayList<>();
        for (int m = 0; m < 1 + r.nextInt(3); m++) {
            mentions.add(new Mention(Mention.Field.BODY, offset + m * 60, offset + m * 60 + name.length(), name));
        }
        return new ExtractedEntity(type, name, null, null, List.of(), List.of(), mentions,
                Math.round(r.nextDouble() * 1000) / 1000.0);
    }

    /**
     * Bulk-fills the archive to n articles (from what it holds), in SQL: entities of the catalogue with their keys,
     * articles with 20-40 Zipf-drawn entities each and two mentions per entity, co-occurrence among each article's ten
     * most salient entities (the write path under test stores all pairs; the base keeps the table to a size this
     * machine fills in minutes), then the counts from the rows, then ANALYZE.
     */
    private void fillTo(int n) throws SQLException {
        int have = (int) number("SELECT count(*) FROM extraction WHERE article_id LIKE 'base-%'");
        int catalogue = catalogue(n);
        long t = System.nanoTime();
        execute("""
                INSERT INTO entity (type, name, normalized_name, search_names)
                SELECT CASE WHEN g %% 2 = 0 THEN 'ORGANIZATION' ELSE 'LOCATION' END, 'Zipf Entity ' || g,
                       'zipf entity ' || g, 'Zipf Entity ' || g
                FROM generate_series((SELECT count(*) FROM entity WHERE name LIKE 'Zipf Entity %%') + 1, %d) g""".formatted(catalogue));
        execute("""
                INSERT INTO entity_key (type, key, kind, entity_id)
                SELECT e.type, e.normalized_name, 1, e.id FROM entity e
                WHERE e.name LIKE 'Zipf Entity %' AND NOT EXISTS (SELECT 1 FROM entity_key k WHERE k.entity_id = e.id)""");
        if (have < n) {
            execute("CREATE UNLOGGED TABLE IF NOT EXISTS fill_rows (article_id text, entity_id bigint, salience float8)");
            execute("TRUNCATE fill_rows");
            execute("""
                    INSERT INTO fill_rows
                    SELECT DISTINCT ON (x.article_id, e.id) x.article_id, e.id, round(random()::numeric, 3)::float8
                    FROM (SELECT 'base-' || a AS article_id,
                                 floor(exp(random() * ln(%1$d + 1.0)))::int AS rank
                          FROM generate_series(%2$d, %3$d) a, generate_series(1, 20 + (a %% 21)) k) x
                    JOIN entity e ON e.name = 'Zipf Entity ' || least(greatest(x.rank, 1), %1$d)""".formatted(catalogue, have + 1, n));
            execute("""
                    INSERT INTO extraction (article_id, version, status, engine, entity_count)
                    SELECT article_id, 1, 'DONE', 'bulk', count(*) FROM fill_rows GROUP BY article_id""");
            execute("""
                    INSERT INTO article_entity (article_id, entity_id, salience, mention_count)
                    SELECT article_id, entity_id, salience, 2 FROM fill_rows""");
            execute("""
                    INSERT INTO mention (article_id, entity_id, field, start_offset, end_offset, text)
                    SELECT f.article_id, f.entity_id, 'BODY', 100 * m, 100 * m + 12, 'Zipf Entity'
                    FROM fill_rows f, generate_series(1, 2) m""");
            execute("""
                    INSERT INTO co_occurrence (entity_id, other_id, article_count)
                    SELECT a.entity_id, b.entity_id, count(*)
                    FROM (SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY salience DESC) AS n FROM fill_rows) a
                    JOIN (SELECT *, row_number() OVER (PARTITION BY article_id ORDER BY salience DESC) AS n FROM fill_rows) b
                      ON b.article_id = a.article_id AND b.entity_id <> a.entity_id AND b.n <= 10
                    WHERE a.n <= 10
                    GROUP BY 1, 2
                    ON CONFLICT (entity_id, other_id) DO UPDATE SET article_count = co_occurrence.article_count + excluded.article_count""");
            execute("""
                    UPDATE entity e SET article_count = e.article_count + s.articles, mention_count = e.mention_count + 2 * s.articles
                    FROM (SELECT entity_id, count(*) AS articles FROM fill_rows GROUP BY entity_id) s
                    WHERE e.id = s.entity_id""");
            execute("DROP TABLE fill_rows");
        }
        execute("VACUUM ANALYZE");
        LOG.infof("filled to %d articles in %.0f s: %d article_entity, %d mention, %d co_occurrence rows, %s", n,
                (System.nanoTime() - t) / 1e9, number("SELECT count(*) FROM article_entity"),
                number("SELECT count(*) FROM mention"), number("SELECT count(*) FROM co_occurrence"),
                text("SELECT pg_size_pretty(pg_database_size(current_database()))"));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private long number(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private String text(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
