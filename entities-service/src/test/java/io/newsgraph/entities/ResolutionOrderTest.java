package io.newsgraph.entities;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.Readiness;
import io.newsgraph.entities.support.RealPipelineProfile;
import io.newsgraph.testing.NewsCorpus;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The graph a set of articles builds does not depend on the order they arrive in: a relay that retries, a receiver
 * that restarts or two workers that overtake each other must leave the same entities behind. With the real pipeline,
 * over a generated corpus in which 144 people share 12 first and 12 last names and carry titles ("Governor Leopold
 * Abernethy"), and every person is named in full.
 */
@QuarkusTest
@TestProfile(RealPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class ResolutionOrderTest {

    private static final List<NewsCorpus.Article> CORPUS =
            NewsCorpus.generate("order", 520, 20241009L, NewsCorpus.Cast.SEPARATE);

    /** The graph the corpus builds in its own order; built once, by whichever test runs first. */
    private static Graph inOrder;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void waitUntilReady() throws InterruptedException {
        Readiness.await();
    }

    @Test
    void anotherArrivalOrderBuildsTheSameGraph() throws SQLException {
        Graph inOrder = inOrder();
        List<NewsCorpus.Article> shuffled = new ArrayList<>(CORPUS);
        Collections.shuffle(shuffled, new Random(7));
        Graph otherOrder = build(shuffled);

        assertEquals(inOrder.entities, otherOrder.entities, "entities (type, name, aliases, mentions)");
        assertEquals(inOrder.mentions, otherOrder.mentions, "the entity each person mention belongs to");
    }

    @Test
    void namesakesWithTitlesStayApartAndEachPersonIsOne() throws SQLException {
        Graph graph = inOrder();
        // every person of the corpus is one entity, under their full name, and nobody else is a person
        Set<String> people = CORPUS.stream().flatMap(a -> a.people().stream()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(people, graph.people);
    }

    private Graph inOrder() throws SQLException {
        if (inOrder == null) {
            inOrder = build(CORPUS);
        }
        return inOrder;
    }

    private record Graph(Set<String> entities, Set<String> mentions, Set<String> people) {
    }

    private Graph build(List<NewsCorpus.Article> articles) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE extraction, entity, entity_key, article_entity, mention, co_occurrence");
        }
        for (NewsCorpus.Article a : articles) {
            Api.put(a.externalId(), new ExtractionRequest(a.externalId(), 1, a.title(), a.body(), a.publishedAt()))
                    .then().statusCode(200);
        }
        return new Graph(rows("""
                SELECT e.type || ' | ' || e.name || ' | '
                       || coalesce((SELECT string_agg(a, ', ' ORDER BY a) FROM jsonb_array_elements_text(e.aliases) a), '')
                       || ' | ' || (SELECT count(*) FROM mention m WHERE m.entity_id = e.id)
                FROM entity e"""),
                rows("""
                SELECT m.article_id || ' ' || m.field || ' ' || m.start_offset || ' -> ' || e.name
                FROM mention m JOIN entity e ON e.id = m.entity_id WHERE e.type = 'PERSON'"""),
                rows("SELECT name FROM entity WHERE type = 'PERSON'"));
    }

    private Set<String> rows(String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
