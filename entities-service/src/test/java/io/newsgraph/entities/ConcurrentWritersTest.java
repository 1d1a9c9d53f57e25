package io.newsgraph.entities;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.NewsCorpus;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Several writers at once build the same graph as one writer: the same entities (no duplicates), aliases, keys, mention
 * assignments, co-occurrence and counts. Each article's own deliveries stay in order (version 1, a shorter version 2
 * for some, a delete for others), as the outbox relay sends them; different articles interleave freely.
 */
@QuarkusTest
@TestProfile(ConcurrentWritersTest.OwnDatabase.class)
@QuarkusTestResource(PostgresTestResource.class)
class ConcurrentWritersTest {

    /** A database of its own: the test truncates the graph between its two builds. */
    public static class OwnDatabase extends ScriptedPipelineProfile {
    }

    private static final int WRITERS = 4;
    private static final List<NewsCorpus.Article> CORPUS = NewsCorpus.generate("writers", 160, 4242L);
    private static final String[] ORGS = {"World Bank", "European Commission", "International Monetary Fund", "Siemens",
        "Toyota", "United Nations", "African Union", "Reuters", "World Health Organization", "Deutsche Bahn", "Airbus",
        "Red Cross"};
    private static final String[] PLACES = {"Berlin", "Nairobi", "Tokyo", "Lisbon", "Warsaw", "Toronto", "Jakarta", "Lima",
        "Cairo", "Oslo", "Seoul", "Madrid", "Brazil", "Canada", "Kenya", "Germany", "France", "India"};

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fourWritersBuildTheGraphOneWriterBuilds() throws Exception {
        script();
        List<String> serial = build(1);
        List<String> parallel = build(WRITERS);
        assertEquals(serial, parallel);
        assertFalse(serial.isEmpty());
    }

    private static void script() {
        ScriptedPipeline.reset();
        CORPUS.stream().flatMap(a -> a.people().stream()).distinct()
                .forEach(p -> ScriptedPipeline.define(EntityType.PERSON, p));
        for (String o : ORGS) {
            ScriptedPipeline.define(EntityType.ORGANIZATION, o);
        }
        for (String p : PLACES) {
            ScriptedPipeline.define(EntityType.LOCATION, p);
        }
    }

    /** Every article's deliveries in order, articles spread over the writers; the graph that results, as text. */
    private List<String> build(int writers) throws Exception {
        execute("TRUNCATE extraction, entity, entity_key, article_entity, mention, co_occurrence");
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int i = writer; i < CORPUS.size(); i += writers) {
                        deliver(i, CORPUS.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> graph = new ArrayList<>();
        graph.addAll(rows("""
                SELECT 'entity ' || e.type || ' | ' || e.name || ' | '
                       || coalesce((SELECT string_agg(a, ', ' ORDER BY a) FROM jsonb_array_elements_text(e.aliases) a), '')
                       || ' | ' || e.mention_count || ' mentions in ' || e.article_count
                FROM entity e"""));
        graph.addAll(rows("""
                SELECT 'key ' || k.type || ' ' || k.key || ' ' || k.kind || ' -> ' || e.name
                FROM entity_key k JOIN entity e ON e.id = k.entity_id"""));
        graph.addAll(rows("""
                SELECT 'mention ' || m.article_id || ' ' || m.field || ' ' || m.start_offset || ' -> ' || e.name
                FROM mention m JOIN entity e ON e.id = m.entity_id"""));
        graph.addAll(rows("""
                SELECT 'pair ' || a.name || ' + ' || b.name || ' = ' || c.article_count
                FROM co_occurrence c JOIN entity a ON a.id = c.entity_id JOIN entity b ON b.id = c.other_id"""));
        graph.addAll(rows("SELECT 'extraction ' || article_id || ' v' || version || ' ' || status FROM extraction"));
        // the counts kept by deltas agree with the rows they count
        graph.addAll(rows("""
                SELECT 'count drift ' || e.name FROM entity e
                WHERE e.article_count <> (SELECT count(*) FROM article_entity WHERE entity_id = e.id)
                   OR e.mention_count <> (SELECT coalesce(sum(mention_count), 0) FROM article_entity WHERE entity_id = e.id)"""));
        graph.sort(null);
        return graph;
    }

    /** Version 1; every third article then a version 2 without its last two paragraphs; every fifth then deleted. */
    private static void deliver(int i, NewsCorpus.Article a) {
        Api.put(a.externalId(), new ExtractionRequest(a.externalId(), 1, a.title(), a.body(), a.publishedAt()))
                .then().statusCode(200);
        if (i % 3 == 0) {
            String[] paragraphs = a.body().split("\n");
            String shorter = String.join("\n", java.util.Arrays.copyOf(paragraphs, paragraphs.length - 2));
            Api.put(a.externalId(), new ExtractionRequest(a.externalId(), 2, a.title(), shorter, a.publishedAt()))
                    .then().statusCode(200);
        }
        if (i % 5 == 0) {
            Api.delete(a.externalId()).then().statusCode(200);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
