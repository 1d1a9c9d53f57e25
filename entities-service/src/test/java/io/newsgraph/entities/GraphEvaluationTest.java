package io.newsgraph.entities;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.domain.NameKeys;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The stored graph against what a generated corpus is known to be about: with the real pipeline, every person, every
 * place inside a country, every country and every publisher that posts under a handle is exactly one entity, a place
 * is never merged into its country, a handle is its publisher's, and a title the body repeats is counted once.
 */
@QuarkusTest
@TestProfile(RealPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class GraphEvaluationTest {

    private static final NewsCorpus.World WORLD = NewsCorpus.world("world", 40, 20241201L, NewsCorpus.Cast.SEPARATE);

    private static boolean stored;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void store() throws Exception {
        Readiness.await();
        if (stored) {
            return;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE extraction, entity, entity_key, article_entity, mention, co_occurrence");
        }
        for (NewsCorpus.Article a : WORLD.articles()) {
            Api.put(a.externalId(), new ExtractionRequest(a.externalId(), 1, a.title(), a.body(), null,
                    "2024-12-01T10:00:00Z", parts(a.body()))).then().statusCode(200);
        }
        stored = true;
    }

    /** The quoted post and the sources list, as articles-service marks them. */
    private static List<ExtractionRequest.Part> parts(String body) {
        int attribution = body.indexOf("\n— ") + 1;
        int postStart = body.lastIndexOf('\n', attribution - 2) + 1;
        int postEnd = body.indexOf('\n', attribution);
        int sources = body.indexOf("Sources\n");
        return List.of(new ExtractionRequest.Part(ExtractionRequest.EMBEDDED_POST, postStart, postEnd),
                new ExtractionRequest.Part(ExtractionRequest.SOURCES, sources, body.strip().length()));
    }

    @Test
    void eachPersonIsOneEntity() throws SQLException {
        for (String person : WORLD.people()) {
            assertEquals(1, count("PERSON", person), person + " in " + names("PERSON"));
        }
        assertEquals(WORLD.people().size(), names("PERSON").size(), names("PERSON").toString());
    }

    @Test
    void aPlaceInsideACountryIsOneEntityAndNotTheCountry() throws SQLException {
        for (String country : WORLD.countries()) {
            assertEquals(1, count("LOCATION", country), country + " in " + names("LOCATION"));
        }
        for (Map.Entry<String, String> place : WORLD.places().entrySet()) {
            assertEquals(1, count("LOCATION", place.getKey()), place.getKey() + " in " + names("LOCATION"));
            assertNotEquals(idOf("LOCATION", place.getKey()), idOf("LOCATION", place.getValue()),
                    place.getKey() + " merged into " + place.getValue());
        }
    }

    @Test
    void aPublisherAndItsHandleAreOneEntity() throws SQLException {
        for (Map.Entry<String, String> publisher : WORLD.publishers().entrySet()) {
            assertEquals(1, count("ORGANIZATION", publisher.getKey()),
                    publisher.getKey() + " in " + names("ORGANIZATION"));
            assertEquals(0, count("HANDLE", publisher.getValue()), publisher.getValue() + " is an entity of its own");
            // the handle is an alias, unless it is the name itself in another case ("@Reuters" for Reuters)
            boolean sameName = NameKeys.normalize(publisher.getValue()).equals(NameKeys.normalize(publisher.getKey()));
            assertTrue(sameName || aliases(idOf("ORGANIZATION", publisher.getKey())).contains(publisher.getValue()),
                    publisher.getKey() + " lacks its handle");
        }
    }

    @Test
    void theTitleTheBodyRepeatsIsCountedOnce() throws SQLException {
        // each article names its place once in the title and three times in its own text; the quoted post repeats it
        String place = WORLD.places().keySet().iterator().next();
        long id = idOf("LOCATION", place);
        List<String> fields = rows("SELECT field FROM mention WHERE entity_id = ? AND article_id = ("
                + "SELECT min(article_id) FROM mention WHERE entity_id = ?)", id, id);
        assertEquals(1, fields.stream().filter("TITLE"::equals).count(), fields.toString());
    }

    /** Entities of the type with that name or alias, compared as the graph normalises them. */
    private int count(String type, String name) throws SQLException {
        return rows("SELECT id FROM entity WHERE type = ? AND (lower(name) = lower(?) OR EXISTS ("
                + "SELECT 1 FROM jsonb_array_elements_text(aliases) a WHERE lower(a) = lower(?)))", type, name, name)
                .size();
    }

    private long idOf(String type, String name) throws SQLException {
        List<String> ids = rows("SELECT id FROM entity WHERE type = ? AND (lower(name) = lower(?) OR EXISTS ("
                + "SELECT 1 FROM jsonb_array_elements_text(aliases) a WHERE lower(a) = lower(?)))", type, name, name);
        assertEquals(1, ids.size(), type + " " + name);
        return Long.parseLong(ids.getFirst());
    }

    private List<String> aliases(long id) throws SQLException {
        return rows("SELECT a FROM entity e, jsonb_array_elements_text(e.aliases) a WHERE e.id = ?", id);
    }

    private List<String> names(String type) throws SQLException {
        return rows("SELECT name FROM entity WHERE type = ? ORDER BY name", type);
    }

    private List<String> rows(String sql, Object... args) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
