package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.launcher.Service;
import io.newsgraph.launcher.Suite;
import io.newsgraph.testing.NewsCorpus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway against the two real services: federated queries across both boundaries, three levels deep,
 * pagination, one subgraph down while the other answers; and the same queries through {@code @apollo/gateway} over the
 * same supergraph and subgraphs give the same JSON.
 */
@Order(30)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayIT {

    static final List<String> SAMPLE_IDS = new ArrayList<>();

    @BeforeAll
    static void loadSamples() throws IOException {
        if (!SAMPLE_IDS.isEmpty()) {
            return;
        }
        Path dir = SystemSuite.root().resolve("samples");
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                SAMPLE_IDS.add(Articles.ingest(new NewsCorpus.Article("gateway-" + f.getFileName(), null, Files.readString(f),
                        "2024-10-01T00:00:00Z")));
            }
        }
        // Two articles that share entities with each other and with the samples.
        for (String[] text : new String[][] {
            {"Rotterdam and Berlin agree on a rail link", "Port of Rotterdam Authority chief executive Marieke van Dijk met officials of Deutsche Bahn in Berlin on May 3, 2024. Germany and the Netherlands will share the cost."},
            {"Berlin hosts energy ministers", "Energy ministers of Germany, France and Kenya met in Berlin on June 12, 2024. Marieke van Dijk of the Port of Rotterdam Authority presented plans for hydrogen imports."}}) {
            SAMPLE_IDS.add(Articles.ingest(new NewsCorpus.Article("gateway-" + text[0].hashCode(), text[0], text[0] + "\n" + text[1],
                    "2024-06-12T00:00:00Z")));
        }
        Articles.awaitDone(SAMPLE_IDS, Duration.ofMinutes(2));
    }

    static final String ARTICLE_WITH_ENTITIES = """
            query($id: ID!) { article(id: $id) { id title entities { salience entity { id name type } } } }""";

    static final String ENTITY_WITH_ARTICLES = """
            query($id: ID!) {
              entity(id: $id) {
                id name type articleCount
                articles(first: 10) { totalCount edges { salience node { id title publishedAt } } }
                related(first: 5) { totalCount edges { articleCount node { id name } } }
              }
            }""";

    /** Three boundaries: articles → entities → articles → entities. */
    static final String THREE_LEVELS = """
            query($id: ID!) {
              article(id: $id) {
                title
                entities {
                  entity {
                    name
                    articles(first: 3) {
                      edges { node { id title wordCount entities { entity { name type } } } }
                    }
                  }
                }
              }
            }""";

    static final String PAGE = """
            query($after: String) {
              articles(first: 2, after: $after) {
                edges { cursor node { id title entities { entity { name } } } }
                pageInfo { hasNextPage endCursor }
              }
            }""";

    @Test
    @Order(1)
    void articleWithItsEntities() {
        JsonNode a = data(ARTICLE_WITH_ENTITIES, Map.of("id", SAMPLE_IDS.getFirst())).get("article");
        assertEquals(SAMPLE_IDS.getFirst(), a.get("id").asText());
        assertFalse(a.get("title").asText().isBlank());
        assertTrue(a.get("entities").size() >= 3, "entities from the other subgraph: " + a);
    }

    @Test
    @Order(2)
    void entityWithItsArticlesAndRelatedEntities() {
        String id = sharedEntityId();
        JsonNode e = data(ENTITY_WITH_ARTICLES, Map.of("id", id)).get("entity");
        assertTrue(e.get("articleCount").asInt() >= 2, "an entity in two articles: " + e);
        JsonNode edges = e.at("/articles/edges");
        assertEquals(e.get("articleCount").asInt(), e.at("/articles/totalCount").asInt());
        for (JsonNode edge : edges) {
            assertFalse(edge.at("/node/title").asText().isBlank(), "each article resolved through articles-service: " + edge);
        }
        assertFalse(e.at("/related/edges").isEmpty(), "related entities: " + e);
    }

    @Test
    @Order(3)
    void threeBoundariesDeep() {
        JsonNode a = data(THREE_LEVELS, Map.of("id", SAMPLE_IDS.getLast())).get("article");
        int innerEntities = 0;
        for (JsonNode ae : a.get("entities")) {
            for (JsonNode edge : ae.at("/entity/articles/edges")) {
                assertNotNull(edge.at("/node/title").textValue(), "level 2 article resolved: " + edge);
                innerEntities += edge.at("/node/entities").size();
            }
        }
        assertTrue(innerEntities > 0, "level 3 entities resolved: " + a);
    }

    @Test
    @Order(4)
    void paginationWalksEveryArticleOnce() {
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("after", after);
            JsonNode c = data(PAGE, vars).get("articles");
            for (JsonNode edge : c.get("edges")) {
                assertTrue(seen.add(edge.at("/node/id").asText()), "no article twice");
            }
            assertTrue(c.get("edges").size() <= 2);
            after = c.at("/pageInfo/hasNextPage").asBoolean() ? c.at("/pageInfo/endCursor").asText() : null;
            pages++;
        } while (after != null && pages < 1000);
        assertTrue(seen.containsAll(SAMPLE_IDS), "every sample seen across " + pages + " pages");
        assertTrue(pages >= SAMPLE_IDS.size() / 2);
    }

    @Test
    @Order(5)
    void sameJsonAsApolloGateway() throws Exception {
        Suite suite = SystemSuite.get();
        int port = SystemSuite.freePort();
        Path log = SystemSuite.stateDir().resolve("logs/reference-gateway.log");
        Process reference = Federation.referenceGateway(SystemSuite.root(), suite.config().supergraph(), port, log);
        try {
            String ours = SystemSuite.gateway();
            String theirs = "http://127.0.0.1:" + port + "/graphql";
            String entity = sharedEntityId();
            List<Object[]> queries = List.of(
                    new Object[] {ARTICLE_WITH_ENTITIES, Map.of("id", SAMPLE_IDS.getFirst())},
                    new Object[] {ENTITY_WITH_ARTICLES, Map.of("id", entity)},
                    new Object[] {THREE_LEVELS, Map.of("id", SAMPLE_IDS.getLast())},
                    new Object[] {PAGE, Map.of()},
                    new Object[] {"{ articles(first: 3) { edges { node { __typename id ... on Article { title } entities(minSalience: 0.1) { mentionCount entity { __typename name } } } } } }", Map.of()},
                    new Object[] {"query Q($skip: Boolean!) { entities(first: 5) { edges { node { name alias: type articles(first: 2) @skip(if: $skip) { edges { node { title } } } } } } }", Map.of("skip", false)},
                    new Object[] {"fragment A on Article { id title } { searchArticles(query: \"Rotterdam\") { edges { node { ...A entities { entity { name } } } } } }", Map.of()},
                    new Object[] {"{ article(id: \"00000000-0000-0000-0000-000000000000\") { id title entities { salience } } }", Map.of()},
                    new Object[] {"{ entity(id: \"" + entity + "\") { name articles(first: 2) { edges { node { id title extraction { status } } } } } }", Map.of()},
                    new Object[] {"{ articles(last: 2) { totalCount edges { cursor node { id title extraction { status version } } } " + PAGE_INFO + " } }", Map.of()},
                    new Object[] {"{ searchEntities(query: \"Rotterdam\", first: 2) { totalCount edges { cursor node { name related(first: 2) { totalCount edges { articleCount node { name } } } } } " + PAGE_INFO + " } }", Map.of()},
                    new Object[] {"{ articles(first: 0, filter: { publishedFrom: \"2024-10-01\" }) { totalCount edges { cursor } " + PAGE_INFO + " } }", Map.of()});
            List<String> differences = new ArrayList<>();
            for (Object[] q : queries) {
                @SuppressWarnings("unchecked")
                Map<String, Object> vars = (Map<String, Object>) q[1];
                JsonNode a = comparable(Http.graphql(ours, (String) q[0], vars).json());
                JsonNode b = comparable(Http.graphql(theirs, (String) q[0], vars).json());
                if (!a.equals(b)) {
                    differences.add(q[0] + "\n  ours:   " + Http.abbreviate(a.toString()) + "\n  apollo: " + Http.abbreviate(b.toString()));
                }
                assertNotEquals(null, a.get("data"), "answered: " + a);
            }
            assertEquals(List.of(), differences, "the gateway and @apollo/gateway disagree");
        } finally {
            reference.destroy();
            reference.waitFor();
        }
    }

    /** Data as is; errors reduced to their paths (messages are each gateway's own words). */
    private static JsonNode comparable(JsonNode response) {
        var out = Http.JSON.createObjectNode();
        out.set("data", response.get("data"));
        if (response.has("errors")) {
            var paths = Http.JSON.createArrayNode();
            response.get("errors").forEach(e -> paths.add(e.path("path")));
            out.set("errorPaths", paths);
        }
        return out;
    }

    @Test
    @Order(6)
    void oneSubgraphDownTheOtherStillAnswers() {
        Suite suite = SystemSuite.get();
        suite.stop(Service.ARTICLES);
        try {
            Http.Response r = Http.graphql(SystemSuite.gateway(),
                    "{ entities(first: 3) { edges { node { name articles(first: 2) { edges { node { id title } } } } } } }", null);
            assertEquals(200, r.status(), "a partial answer, not a failure: " + r);
            JsonNode json = r.json();
            JsonNode edges = json.at("/data/entities/edges");
            assertTrue(edges.size() > 0, "entities-service still answers: " + r);
            edges.forEach(e -> assertFalse(e.at("/node/name").asText().isBlank()));
            assertTrue(json.has("errors"), "the missing part is reported: " + r);
            for (JsonNode e : json.get("errors")) {
                assertFalse(e.path("message").asText().isBlank());
                assertFalse(e.path("extensions").path("code").asText().isBlank(), "error code: " + e);
            }
            // A query only articles-service can answer fails cleanly.
            Http.Response down = Http.graphql(SystemSuite.gateway(), "{ articles(first: 1) { edges { node { id } } } }", null);
            assertTrue(down.status() < 500 || down.status() == 503 || down.status() == 502, "clean failure: " + down);
            assertTrue(down.json().has("errors"), "error reported: " + down);
        } finally {
            suite.launch(Service.ARTICLES);
            suite.awaitReady(Service.ARTICLES);
        }
        data("{ articles(first: 1) { edges { node { id } } } }", Map.of());
    }

    static final String PAGE_INFO = "pageInfo { hasPreviousPage hasNextPage startCursor endCursor }";

    /** Every connection through the gateway: counts, first: 0, last/before, and cursors on related and entity search. */
    @Test
    @Order(7)
    void connectionsCountAndPageBothWays() {
        String entity = sharedEntityId();
        JsonNode d = data("""
                query($id: ID!) {
                  none: articles(first: 0) { totalCount edges { cursor } %1$s }
                  tail: articles(last: 2) { totalCount edges { cursor node { id } } %1$s }
                  found: searchArticles(query: "Rotterdam", first: 1) { totalCount edges { cursor } %1$s }
                  people: searchEntities(query: "Rotterdam", first: 1) { totalCount edges { cursor node { name } } %1$s }
                  listed: entities(last: 1) { totalCount edges { node { articleCount } } %1$s }
                  entity(id: $id) {
                    articleCount
                    related(first: 1) { totalCount edges { cursor articleCount node { name } } %1$s }
                    articles(last: 1) { totalCount edges { node { id title } } %1$s }
                  }
                }""".formatted(PAGE_INFO), Map.of("id", entity));
        assertTrue(d.at("/none/totalCount").asInt() >= SAMPLE_IDS.size(), d::toString);
        assertEquals(0, d.at("/none/edges").size(), "first: 0 is an empty page");
        assertTrue(d.at("/none/pageInfo/hasNextPage").asBoolean(), d::toString);
        assertEquals(2, d.at("/tail/edges").size(), d::toString);
        assertTrue(d.at("/tail/pageInfo/hasPreviousPage").asBoolean(), d::toString);
        assertFalse(d.at("/tail/pageInfo/hasNextPage").asBoolean(), d::toString);
        assertTrue(d.at("/found/totalCount").asInt() >= 2, "both Rotterdam articles: " + d);
        assertTrue(d.at("/found/pageInfo/hasNextPage").asBoolean(), d::toString);
        assertFalse(d.at("/people/edges/0/cursor").asText().isEmpty(), "entity search has cursors: " + d);
        assertTrue(d.at("/people/totalCount").asInt() >= 1, d::toString);
        assertTrue(d.at("/listed/totalCount").asInt() >= 1, d::toString);
        assertTrue(d.at("/entity/related/totalCount").asInt() >= 1, d::toString);
        assertFalse(d.at("/entity/related/edges/0/cursor").asText().isEmpty(), "related has cursors: " + d);
        assertEquals(d.at("/entity/articleCount").asInt(), d.at("/entity/articles/totalCount").asInt());
        assertFalse(d.at("/entity/articles/edges/0/node/title").asText().isEmpty(), "resolved by articles-service: " + d);

        // the whole list backward, five at a time, is the whole list forward
        List<String> forward = new ArrayList<>();
        List<String> backward = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("c", cursor);
            JsonNode c = data("query($c: String) { articles(first: 5, after: $c) { edges { node { id } } " + PAGE_INFO + " } }", vars)
                    .get("articles");
            c.get("edges").forEach(e -> forward.add(e.at("/node/id").asText()));
            assertEquals(cursor != null, c.at("/pageInfo/hasPreviousPage").asBoolean(), c::toString);
            cursor = c.at("/pageInfo/hasNextPage").asBoolean() ? c.at("/pageInfo/endCursor").asText() : null;
        } while (cursor != null && forward.size() < 5000);
        do {
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("c", cursor);
            JsonNode c = data("query($c: String) { articles(last: 5, before: $c) { edges { node { id } } " + PAGE_INFO + " } }", vars)
                    .get("articles");
            List<String> page = new ArrayList<>();
            c.get("edges").forEach(e -> page.add(e.at("/node/id").asText()));
            backward.addAll(0, page);
            assertEquals(cursor != null, c.at("/pageInfo/hasNextPage").asBoolean(), c::toString);
            cursor = c.at("/pageInfo/hasPreviousPage").asBoolean() ? c.at("/pageInfo/startCursor").asText() : null;
        } while (cursor != null && backward.size() < 5000);
        assertEquals(forward, backward, "backward pages list the same articles in the same order");
    }

    /** Enums, Int versions and dates through the gateway: what a UI reads and sends. */
    @Test
    @Order(8)
    void enumsIntVersionsAndDayFilters() {
        JsonNode a = data("""
                query($id: ID!) { article(id: $id) { version extraction { status version }
                  entities { mentions { field start end } } } }""", Map.of("id", SAMPLE_IDS.getFirst())).get("article");
        assertEquals("DONE", a.at("/extraction/status").asText());
        assertTrue(a.at("/extraction/version").isInt(), a::toString);
        assertEquals(a.get("version").asInt(), a.at("/extraction/version").asInt(), "one integer type for versions");
        Set<String> fields = new HashSet<>();
        a.get("entities").forEach(e -> e.get("mentions").forEach(m -> fields.add(m.get("field").asText())));
        assertTrue(Set.of("TITLE", "BODY").containsAll(fields) && fields.contains("BODY"), fields::toString);

        // the samples are published 2024-10-01T00:00:00Z, the two rail and energy articles 2024-06-12
        JsonNode day = data("""
                { articles(first: 100, filter: { publishedFrom: "2024-10-01", publishedTo: "2024-10-01" }) {
                    totalCount edges { node { id publishedAt } } } }""", Map.of()).get("articles");
        Set<String> ids = new HashSet<>();
        day.get("edges").forEach(e -> {
            ids.add(e.at("/node/id").asText());
            assertTrue(e.at("/node/publishedAt").asText().startsWith("2024-10-01"), e::toString);
        });
        assertTrue(ids.containsAll(SAMPLE_IDS.subList(0, SAMPLE_IDS.size() - 2)), "the day's samples: " + day);
        assertFalse(ids.contains(SAMPLE_IDS.getLast()), "not a June article: " + day);
        assertEquals(ids.size(), day.get("totalCount").asInt());

        Http.Response bad = Http.graphql(SystemSuite.gateway(),
                "{ articles(filter: { publishedFrom: \"2024-13-01\" }) { edges { node { id } } } }", null);
        assertEquals(200, bad.status(), bad::toString);
        assertEquals("INVALID_DATE", bad.json().at("/errors/0/extensions/code").asText(), bad::toString);
        assertTrue(bad.json().at("/errors/0/message").asText().contains("ISO-8601 date"), bad::toString);
    }

    /** An entity mentioned by at least two of the loaded articles. */
    static String sharedEntityId() {
        JsonNode edges = data("{ entities(first: 50) { edges { node { id name articleCount } } } }", Map.of()).at("/entities/edges");
        for (JsonNode e : edges) {
            if (e.at("/node/articleCount").asInt() >= 2) {
                return e.at("/node/id").asText();
            }
        }
        throw new AssertionError("no entity shared by two articles: " + edges);
    }

    static JsonNode data(String query, Map<String, Object> vars) {
        return Http.graphqlData(SystemSuite.gateway(), query, vars);
    }
}
