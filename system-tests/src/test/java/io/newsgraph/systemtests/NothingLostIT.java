package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;

import io.newsgraph.launcher.Database;
import io.newsgraph.launcher.Service;
import io.newsgraph.launcher.Suite;
import io.newsgraph.testing.NewsCorpus;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk ingest with entities-service killed ({@code kill -9}) half-way: every article still ends DONE, with its mentions
 * stored exactly once, and the graph equals the one a clean run builds from the same articles.
 *
 * <p>The clean run is computed afterwards: entities-service is restarted on a fresh, empty database and articles-service
 * delivers every stored article to it again, without a crash. Extraction of one article is deterministic and
 * cross-article resolution does not depend on arrival order (entities-service's {@code ResolutionOrderTest}), so each
 * article's mentions, the person each one names, and the counts of entities and mentions must all be equal.
 *
 * <p>Runs last: it leaves entities-service on the reference database.
 */
@Order(90)
class NothingLostIT {

    private static final int ARTICLES = 360;
    private static final int BATCH = 40;

    @Test
    void killingEntitiesServiceMidIngestLosesAndDuplicatesNothing() {
        Suite suite = SystemSuite.get();
        // the gateway's supergraph is composed from the running subgraphs: before entities-service goes down
        SystemSuite.gateway();
        List<NewsCorpus.Article> corpus = NewsCorpus.generate("nothing-lost", ARTICLES, 20241009L, NewsCorpus.Cast.SEPARATE);
        List<String> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < corpus.size(); i += BATCH) {
            ids.addAll(Articles.bulk(corpus.subList(i, Math.min(corpus.size(), i + BATCH))));
            if (i / BATCH == 5) {
                // Mid-way, with deliveries in flight: no shutdown, no chance to finish anything.
                suite.kill(Service.ENTITIES);
                System.out.println("[nothing-lost] entities-service killed after " + ids.size() + " articles acknowledged");
            }
        }
        assertEquals(ARTICLES, ids.size());
        assertTrue(Db.count(Service.ARTICLES, "SELECT count(*) FROM article WHERE id::text = ANY(?) AND processing_state = 'DONE'",
                (Object) ids.toArray(String[]::new)) < ARTICLES, "some articles wait for the restarted receiver");
        anArticlePageDegradesToArticlesWithoutEntities(ids.getFirst());
        suite.launch(Service.ENTITIES);
        suite.awaitReady(Service.ENTITIES);
        Articles.awaitDone(ids, Duration.ofMinutes(5));
        System.out.printf("[nothing-lost] %d articles DONE %.1f s after the first ingest, including a kill -9 and restart%n",
                ARTICLES, (System.nanoTime() - t0) / 1e9);

        Database crashed = suite.database(Service.ENTITIES);
        String[] idArray = ids.toArray(String[]::new);
        // Every article's newest version was extracted, once.
        assertEquals(ARTICLES, Db.count(crashed, "SELECT count(*) FROM extraction WHERE article_id = ANY(?) AND status = 'DONE'",
                (Object) idArray));
        assertEquals(List.of(), Db.query(crashed, """
                SELECT article_id, field, start_offset, end_offset, count(*) AS copies FROM mention
                WHERE article_id = ANY(?) GROUP BY 1, 2, 3, 4 HAVING count(*) > 1 LIMIT 5""", (Object) idArray),
                "a mention stored twice");
        Map<String, List<String>> crashedMentions = mentionsByArticle(crashed, idArray);
        // Other tests' articles share this database: count only what these articles mention.
        String entitiesOfTheseArticles = "SELECT count(DISTINCT entity_id) FROM mention WHERE article_id = ANY(?)";
        long crashedEntities = Db.count(crashed, entitiesOfTheseArticles, (Object) idArray);
        long crashedMentionCount = Db.count(crashed, "SELECT count(*) FROM mention WHERE article_id = ANY(?)", (Object) idArray);
        assertTrue(crashedMentionCount > ARTICLES * 5L, "the corpus names several entities per article: " + crashedMentionCount);

        // The reference: the same articles, delivered once each, in order, to a fresh entities database.
        Database reference = referenceRun(suite, ids);
        Map<String, List<String>> referenceMentions = mentionsByArticle(reference, idArray);
        assertEquals(referenceMentions.size(), crashedMentions.size());
        for (String id : referenceMentions.keySet()) {
            assertEquals(referenceMentions.get(id), crashedMentions.get(id), "mentions of article " + id);
        }
        assertEquals(Db.count(reference, "SELECT count(*) FROM mention WHERE article_id = ANY(?)", (Object) idArray),
                crashedMentionCount, "mention count");
        long referenceEntities = Db.count(reference, entitiesOfTheseArticles, (Object) idArray);
        System.out.printf("[nothing-lost] %d mentions (clean run: the same); %d entities (clean run: %d)%n", crashedMentionCount,
                crashedEntities, referenceEntities);
        assertEquals(referenceEntities, crashedEntities, "entity count");
    }

    /**
     * Each article's mentions as sorted "field start-end type" strings, with the canonical name for a person (the cast
     * is this test's own, so no other test's article can change it): what extraction and resolution decide.
     */
    private static Map<String, List<String>> mentionsByArticle(Database db, String[] ids) {
        Map<String, List<String>> out = new TreeMap<>();
        for (Map<String, Object> row : Db.query(db, """
                SELECT m.article_id, m.field, m.start_offset, m.end_offset, e.type,
                       CASE WHEN e.type = 'PERSON' THEN ' ' || e.name ELSE '' END AS person
                FROM mention m JOIN entity e ON e.id = m.entity_id
                WHERE m.article_id = ANY(?) ORDER BY 1, 2, 3, 4, 5""", (Object) ids)) {
            out.computeIfAbsent((String) row.get("article_id"), k -> new ArrayList<>())
                    .add(row.get("field") + " " + row.get("start_offset") + "-" + row.get("end_offset") + " " + row.get("type")
                            + row.get("person"));
        }
        return out;
    }

    /**
     * The run without a crash: entities-service restarted on a fresh, empty database, and every stored article delivered
     * to it again by the relay ({@code POST /articles/processing/redeliver-all}: the graph rebuild of docs/deploy.md).
     */
    private static Database referenceRun(Suite suite, List<String> ids) {
        Database crashed = suite.database(Service.ENTITIES);
        Db.admin(crashed, "CREATE DATABASE entities_reference");
        String url = crashed.jdbcUrl().substring(0, crashed.jdbcUrl().lastIndexOf('/') + 1) + "entities_reference";
        Database reference = new Database(url, crashed.username(), crashed.password());
        suite.stop(Service.ENTITIES);
        suite.withEnvironment(Service.ENTITIES, Map.of("QUARKUS_DATASOURCE_JDBC_URL", url));
        suite.launch(Service.ENTITIES);
        suite.awaitReady(Service.ENTITIES);

        long stored = Db.count(Service.ARTICLES, "SELECT count(*) FROM article");
        Http.Response r = Http.post(suite.baseUrl(Service.ARTICLES) + "/articles/processing/redeliver-all", "application/json", "",
                "Authorization", SystemSuite.editor());
        assertEquals(200, r.status(), r.toString());
        assertEquals(stored, r.json().get("requeued").asLong(), "every stored article queued again");
        Articles.awaitDone(ids, Duration.ofMinutes(5));
        // the other tests' articles too: the reference graph is complete before it is compared
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (Db.count(Service.ARTICLES, "SELECT count(*) FROM article WHERE processing_state = 'PENDING'") > 0) {
            assertTrue(Instant.now().isBefore(deadline), "articles still PENDING after the redelivery");
            Articles.sleep(500);
        }
        return reference;
    }

    /**
     * While entities-service is down: the article page still shows the articles, each without its entities (the field
     * is nullable), and an error at each missing field's path says why.
     */
    private static void anArticlePageDegradesToArticlesWithoutEntities(String id) {
        Http.Response r = Http.graphql(SystemSuite.gateway(), """
                query($id: ID!) {
                  article(id: $id) { id title processing { state } entities { salience entity { name } } }
                  articles(first: 2) { edges { node { id title entities { entity { name } } } } }
                }""", Map.of("id", id));
        assertEquals(200, r.status(), r.toString());
        JsonNode json = r.json();
        assertEquals(id, json.at("/data/article/id").asText(), "the article is there: " + r);
        assertTrue(json.at("/data/article/entities").isNull(), "without its entities: " + r);
        assertEquals(2, json.at("/data/articles/edges").size(), "the list is there: " + r);
        json.at("/data/articles/edges").forEach(e -> assertTrue(e.at("/node/entities").isNull(), r::toString));
        List<String> paths = new ArrayList<>();
        json.get("errors").forEach(e -> {
            assertEquals("SUBGRAPH_REQUEST_FAILED", e.at("/extensions/code").asText(), r::toString);
            paths.add(e.path("path").toString());
        });
        assertTrue(paths.contains("[\"article\",\"entities\"]"), "the error names the missing field: " + paths);
        assertTrue(paths.contains("[\"articles\",\"edges\",0,\"node\",\"entities\"]"), paths::toString);
        assertTrue(paths.contains("[\"articles\",\"edges\",1,\"node\",\"entities\"]"), paths::toString);
    }
}
