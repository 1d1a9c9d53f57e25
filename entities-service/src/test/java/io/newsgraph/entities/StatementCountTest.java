package io.newsgraph.entities;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The number of SQL statements of one GraphQL request does not grow with the number of articles or entities in it.
 * Counted by Hibernate's statistics (every read of the GraphQL layer goes through Hibernate), for 1 and for 20 items.
 */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class StatementCountTest {

    private static final Logger LOG = Logger.getLogger(StatementCountTest.class);
    private static final int MANY = 20;
    private static final String[] FIRST = {"Amara", "Bastian", "Corin", "Delphine", "Emeric", "Fenna", "Gideon",
        "Hester", "Ivo", "Jorunn", "Kasimir", "Liesel", "Mattis", "Nerys", "Osric", "Petra", "Quillon", "Rosalind",
        "Soren", "Tamsin"};
    private static final String[] LAST = {"Achterberg", "Brandauer", "Castellane", "Dunmore", "Everhart", "Falkenrath",
        "Grimaldi", "Holloway", "Ingersoll", "Jablonski", "Kowalczyk", "Lindqvist", "Marchetti", "Nordqvist",
        "Oyelaran", "Pemberton", "Quintero", "Rasmussen", "Szabados", "Thorvaldsen"};

    private static final List<String> ARTICLES = new ArrayList<>();

    @Inject
    SessionFactory sessionFactory;

    @BeforeEach
    void twentyArticles() {
        if (!ARTICLES.isEmpty()) {
            return;
        }
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Ledger Bureau");
        ScriptedPipeline.define(EntityType.LOCATION, "Port Navarin");
        for (int i = 0; i < MANY; i++) {
            ScriptedPipeline.define(EntityType.PERSON, FIRST[i] + " " + LAST[i]);
        }
        for (int i = 0; i < MANY; i++) {
            String id = "stmt-" + UUID.randomUUID();
            ARTICLES.add(id);
            String next = FIRST[(i + 1) % MANY] + " " + LAST[(i + 1) % MANY];
            Api.put(id, 1, "Ledger Bureau news", FIRST[i] + " " + LAST[i] + " met " + next
                    + " of the Ledger Bureau at Port Navarin.").then().statusCode(200);
        }
    }

    private long statements(String query, Map<String, Object> variables) {
        Statistics stats = sessionFactory.getStatistics();
        assertTrue(stats.isStatisticsEnabled(), "quarkus.hibernate-orm.statistics must be on in tests");
        stats.clear();
        JsonPath r = Api.graphql(query, variables);
        assertNull(r.get("errors"), () -> String.valueOf((Object) r.get("errors")));
        return stats.getPrepareStatementCount();
    }

    private static List<Map<String, Object>> reps(String type, List<String> ids) {
        return ids.stream().map(id -> Map.<String, Object>of("__typename", type, "id", id)).toList();
    }

    private static final String ARTICLE_QUERY = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
              id extraction { status version tookMillis }
              entities { salience mentionCount mentions { field start end text }
                entity { id name aliases articleCount
                  articles(first: 5) { totalCount edges { cursor node { id } } }
                  related(first: 3) { edges { articleCount node { name related(first: 2) { edges { node { name } } } } } } } } } } }""";

    @Test
    void articleRepresentationsCostTheSameFor1And20Articles() {
        long one = statements(ARTICLE_QUERY, Map.of("reps", reps("Article", ARTICLES.subList(0, 1))));
        long twenty = statements(ARTICLE_QUERY, Map.of("reps", reps("Article", ARTICLES)));
        LOG.infof("Article _entities: %d statements for 1 article, %d for %d", one, twenty, MANY);
        // Bounded by the query's batched fields, not by N. A nested level that happens to be empty for one article
        // (no related entity of a related entity) is skipped, so one article may cost a statement less than twenty.
        assertTrue(one <= 7, "one per batched field: extraction, entities, mentions, articles, related x2; was " + one);
        assertTrue(twenty <= 7, "one per batched field, whatever the number of articles; was " + twenty);
    }

    /* Within the default cost limit for 20 articles: each list level multiplies by the default list size. */
    private static final String LOCATIONS_QUERY = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
              entities { mentions { start context locations { part } } } } } }""";

    @Test
    void mentionLocationsCostTheSameFor1And20Articles() {
        long one = statements(LOCATIONS_QUERY, Map.of("reps", reps("Article", ARTICLES.subList(0, 1))));
        long twenty = statements(LOCATIONS_QUERY, Map.of("reps", reps("Article", ARTICLES)));
        LOG.infof("Article mention locations: %d statements for 1 article, %d for %d", one, twenty, MANY);
        assertEquals(one, twenty);
        assertTrue(one <= 3, "entities, mentions, layouts; was " + one);
    }

    private static final String ENTITY_QUERY = """
            query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Entity {
              id name type mentionCount
              articles(first: 3) { edges { node { id } } }
              related(first: 5) { edges { articleCount node { id name } } } } } }""";

    @Test
    void entityRepresentationsCostTheSameFor1And20Entities() {
        List<String> ids = Api.graphql("{ entities(first: 30, filter: { type: PERSON }) { edges { node { id name } } } }")
                .getList("data.entities.edges.node.id");
        assertTrue(ids.size() >= MANY, "people stored: " + ids.size());
        long one = statements(ENTITY_QUERY, Map.of("reps", reps("Entity", ids.subList(0, 1))));
        long twenty = statements(ENTITY_QUERY, Map.of("reps", reps("Entity", ids.subList(0, MANY))));
        LOG.infof("Entity _entities: %d statements for 1 entity, %d for %d", one, twenty, MANY);
        assertEquals(one, twenty);
        assertTrue(one <= 3, "entities, articles, related; was " + one);
    }

    private static final String LIST_QUERY = """
            query($n: Int) { entities(first: $n, filter: { type: PERSON }) { edges { node {
              name articles(first: 2) { edges { node { id } } } related(first: 2) { edges { node { name } } } } } } }""";

    @Test
    void entityListsCostTheSameFor1And20Entities() {
        long one = statements(LIST_QUERY, Map.of("n", 1));
        long twenty = statements(LIST_QUERY, Map.of("n", MANY));
        LOG.infof("entities(first: n): %d statements for n=1, %d for n=%d", one, twenty, MANY);
        assertEquals(one, twenty);
        assertTrue(one <= 3, "page, articles, related; was " + one);
    }
}
