package io.newsgraph.articles.graphql;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ArticleGraphQLTest {

    static final String INGEST = """
            mutation($input: ArticleInput!) {
              ingestArticle(input: $input) {
                outcome
                article { id version title lede keyPoints sections { heading paragraphs }
                          embeddedPosts { text author handle date link sectionIndex } sources { text url } wordCount
                          processing { state attempts lastError } }
              }
            }""";

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    static String ingest(String externalId, String body) {
        JsonPath r = GraphQLClient.query(INGEST, Map.of("input", Map.of("externalId", externalId, "body", body)), TestDb.EDITOR_TOKEN);
        assertNull(r.get("errors"), () -> String.valueOf(r.get("errors")));
        return r.getString("data.ingestArticle.article.id");
    }

    @Test
    void sdlCarriesTheFederation2LinkAndTheKey() {
        String sdl = GraphQLClient.query("{ _service { sdl } }").getString("data._service.sdl");
        assertTrue(sdl.matches("(?s).*schema\\s+@link\\(.*url\\s*:\\s*\"https://specs.apollo.dev/federation/v2.7\".*"), sdl);
        assertTrue(sdl.matches("(?s).*import\\s*:\\s*\\[\"@key\",\\s*\"@shareable\"].*"), sdl);
        assertTrue(sdl.matches("(?s).*type Article @key\\(fields\\s*:\\s*\"id\"\\).*"), sdl);
        assertTrue(sdl.matches("(?s).*type PageInfo @shareable.*"), sdl);
        assertTrue(sdl.contains("deleteArticle(id: ID!, version: Int!)"), sdl);
    }

    @Test
    void ingestReadUpdateDelete() {
        JsonPath r = GraphQLClient.query(INGEST, Map.of("input", Map.of("externalId", "g1",
                "body", ArticleSeed.TEXT, "publishedAt", "2024-10-09T00:00:00Z")), TestDb.EDITOR_TOKEN);
        assertEquals("CREATED", r.getString("data.ingestArticle.outcome"));
        String id = r.getString("data.ingestArticle.article.id");
        assertEquals(List.of("Strengthening the U.S.-Japan Alliance", "Regional Security Challenges",
                "Geopolitical Context and Future Engagements"), r.getList("data.ingestArticle.article.sections.heading"));
        assertEquals("The Japan Times", r.getString("data.ingestArticle.article.embeddedPosts[0].author"));
        assertEquals("2024-10-09", r.getString("data.ingestArticle.article.embeddedPosts[0].date"));
        assertEquals("PENDING", r.getString("data.ingestArticle.article.processing.state"));
        assertEquals(410, r.getInt("data.ingestArticle.article.wordCount"));

        JsonPath one = GraphQLClient.query("query($id: ID!) { article(id: $id) { id version keyPoints sources { text } } }",
                Map.of("id", id), null);
        assertEquals(5, one.getList("data.article.keyPoints").size());
        assertEquals(2, one.getList("data.article.sources").size());
        assertNull(GraphQLClient.query("{ article(id: \"nope\") { id } }").get("data.article"));

        String update = "mutation($id: ID!, $v: Int!) { updateArticle(id: $id, version: $v, input: {title: \"New\"}) { version title } }";
        JsonPath updated = GraphQLClient.query(update, Map.of("id", id, "v", 1), TestDb.EDITOR_TOKEN);
        assertEquals(2, updated.getInt("data.updateArticle.version"), () -> updated.prettify());
        assertEquals("New", updated.getString("data.updateArticle.title"));
        JsonPath stale = GraphQLClient.query(update, Map.of("id", id, "v", 1), TestDb.EDITOR_TOKEN);
        assertEquals("VERSION_CONFLICT", stale.getString("errors[0].extensions.code"));
        assertTrue(stale.getString("errors[0].message").contains("version 2"), stale.prettify());

        JsonPath deleted = GraphQLClient.query(("mutation($id: ID!, $v: Int!) { deleteArticle(id: $id, version: $v) { id } }")
                , Map.of("id", id, "v", 2), TestDb.EDITOR_TOKEN);
        assertEquals(id, deleted.getString("data.deleteArticle.id"));
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM article"));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event WHERE type = 'ArticleDeleted'"));
    }

    @Test
    void updateCanClearOptionalFieldsButNotContradictItself() {
        JsonPath created = GraphQLClient.query(INGEST, Map.of("input", Map.of("externalId", "clear",
                "body", "An article whose url, source and language go away.", "url", "https://example.org/a",
                "source", "Wire", "language", "en", "publishedAt", "2024-10-09T00:00:00Z")), TestDb.EDITOR_TOKEN);
        String id = created.getString("data.ingestArticle.article.id");
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM article WHERE url IS NOT NULL AND source IS NOT NULL"));
        String update = "mutation($id: ID!, $v: Int!, $in: ArticlePatchInput!) { updateArticle(id: $id, version: $v, input: $in) "
                + "{ version title url source language publishedAt } }";
        JsonPath both = GraphQLClient.query(update, Map.of("id", id, "v", 1,
                "in", Map.of("url", "https://example.org/x", "clear", List.of("URL"))), TestDb.EDITOR_TOKEN);
        assertEquals("INVALID_ARGUMENT", both.getString("errors[0].extensions.code"), () -> both.prettify());
        assertEquals(1, TestDb.count(ds, "SELECT version FROM article"), "nothing changed");

        JsonPath cleared = GraphQLClient.query(update, Map.of("id", id, "v", 1,
                "in", Map.of("title", "Kept and renamed", "clear", List.of("URL", "SOURCE", "LANGUAGE", "PUBLISHED_AT"))), TestDb.EDITOR_TOKEN);
        assertEquals(2, cleared.getInt("data.updateArticle.version"), () -> cleared.prettify());
        assertEquals("Kept and renamed", cleared.getString("data.updateArticle.title"));
        assertNull(cleared.get("data.updateArticle.url"));
        assertNull(cleared.get("data.updateArticle.source"));
        assertNull(cleared.get("data.updateArticle.language"));
        assertNull(cleared.get("data.updateArticle.publishedAt"));
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM article WHERE url IS NOT NULL OR source IS NOT NULL"));

        JsonPath body = GraphQLClient.query(update, Map.of("id", id, "v", 2, "in", Map.of("clear", List.of("BODY"))), TestDb.EDITOR_TOKEN);
        assertTrue(body.getList("errors").size() > 0, "the body cannot be cleared: " + body.prettify());
    }

    @Test
    void listAndSearchAsConnections() {
        ingest("a", "Alpha article about harbours.");
        ingest("b", "Beta article about harbours and ships.");
        ingest("c", "Gamma article about trains.");
        JsonPath page = GraphQLClient.query("{ articles(first: 2) { edges { cursor node { title } } pageInfo { hasNextPage endCursor } } }");
        assertEquals(2, page.getList("data.articles.edges").size());
        assertTrue(page.getBoolean("data.articles.pageInfo.hasNextPage"));
        JsonPath rest = GraphQLClient.query("query($after: String) { articles(first: 2, after: $after) { edges { node { title } } pageInfo { hasNextPage } } }",
                Map.of("after", page.getString("data.articles.pageInfo.endCursor")), null);
        assertEquals(1, rest.getList("data.articles.edges").size());

        JsonPath bad = GraphQLClient.query("{ articles(after: \"garbage\") { edges { cursor } } }");
        assertEquals("INVALID_CURSOR", bad.getString("errors[0].extensions.code"));

        JsonPath search = GraphQLClient.query("{ searchArticles(query: \"harbours ships\") { edges { node { title } snippet snippetHtml highlights { start end } } } }");
        assertEquals(List.of("Beta article about harbours and ships."), search.getList("data.searchArticles.edges.node.title"));
        assertTrue(search.getString("data.searchArticles.edges[0].snippetHtml").contains("<mark>ships</mark>"));

        JsonPath filtered = GraphQLClient.query("{ articles(filter: {source: \"none\"}) { edges { cursor } } }");
        assertEquals(0, filtered.getList("data.articles.edges").size());
    }

    @Test
    void oversizedOperationsAreRejected() {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < 400; i++) {
            q.append(" a").append(i).append(": articles { edges { node { id title } } }");
        }
        JsonPath r = GraphQLClient.query(q.append(" }").toString());
        assertNull(r.get("data.a0"), r::prettify);
        assertEquals("MAX_ALIASES_EXCEEDED", r.getString("errors[0].extensions.code"), r::prettify);
    }

    // ---- connections both ways, counts, date filters

    static final String INGEST_AT = """
            mutation($input: ArticleInput!) { ingestArticle(input: $input) { article { id } } }""";

    static void ingestAt(String externalId, String title, String publishedAt) {
        JsonPath r = GraphQLClient.query(INGEST_AT, Map.of("input", Map.of("externalId", externalId, "title", title,
                "body", title + " is about harbours.", "publishedAt", publishedAt)), TestDb.EDITOR_TOKEN);
        assertNull(r.get("errors"), () -> String.valueOf(r.get("errors")));
    }

    /** The titles of a connection walked one way, {@code size} at a time, in list order; checks the page flags. */
    @SuppressWarnings("unchecked")
    static List<String> walk(String field, String args, int size, boolean backward) {
        List<String> titles = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            String q = "query($c: String) { " + field + "(" + args + (args.isEmpty() ? "" : ", ")
                    + (backward ? "last: " + size + ", before: $c" : "first: " + size + ", after: $c")
                    + ") { edges { cursor node { title } } pageInfo { hasPreviousPage hasNextPage startCursor endCursor } } }";
            Map<String, Object> vars = new java.util.HashMap<>();
            vars.put("c", cursor);
            JsonPath r = GraphQLClient.query(q, vars, null);
            assertNull(r.get("errors"), r::prettify);
            List<String> page = r.getList("data." + field + ".edges.node.title");
            List<String> cursors = r.getList("data." + field + ".edges.cursor");
            assertTrue(!page.isEmpty() && page.size() <= size, r::prettify);
            assertEquals(cursors.getFirst(), r.getString("data." + field + ".pageInfo.startCursor"));
            assertEquals(cursors.getLast(), r.getString("data." + field + ".pageInfo.endCursor"));
            assertEquals(cursor != null, r.getBoolean("data." + field + ".pageInfo." + (backward ? "hasNextPage" : "hasPreviousPage")),
                    r::prettify);
            if (backward) {
                titles.addAll(0, page);
            } else {
                titles.addAll(page);
            }
            if (!r.getBoolean("data." + field + ".pageInfo." + (backward ? "hasPreviousPage" : "hasNextPage"))) {
                return titles;
            }
            cursor = backward ? cursors.getFirst() : cursors.getLast();
        }
        throw new AssertionError("no end after 50 pages");
    }

    @Test
    void theListAndSearchPageBothWaysWithTheirCounts() {
        for (int i = 1; i <= 5; i++) {
            ingestAt("p" + i, "Article " + i, "2024-10-0" + i + "T12:00:00Z");
        }
        List<String> newestFirst = List.of("Article 5", "Article 4", "Article 3", "Article 2", "Article 1");
        assertEquals(newestFirst, walk("articles", "", 2, false));
        assertEquals(newestFirst, walk("articles", "", 2, true));
        assertEquals(newestFirst, walk("searchArticles", "query: \"harbours\"", 2, false)
                .stream().sorted(java.util.Comparator.reverseOrder()).toList());
        assertEquals(walk("searchArticles", "query: \"harbours\"", 2, false), walk("searchArticles", "query: \"harbours\"", 2, true));

        JsonPath r = GraphQLClient.query("""
                { all: articles(first: 0) { totalCount edges { cursor } pageInfo { hasNextPage startCursor } }
                  some: articles(first: 1, filter: { publishedFrom: "2024-10-03" }) { totalCount }
                  last: articles(last: 2) { edges { node { title } } pageInfo { hasPreviousPage hasNextPage } }
                  found: searchArticles(query: "harbours", first: 0) { totalCount edges { cursor } } }""");
        assertNull(r.get("errors"), r::prettify);
        assertEquals(5, r.getInt("data.all.totalCount"));
        assertEquals(List.of(), r.getList("data.all.edges"), "first: 0 is an empty page");
        assertTrue(r.getBoolean("data.all.pageInfo.hasNextPage"));
        assertNull(r.get("data.all.pageInfo.startCursor"));
        assertEquals(3, r.getInt("data.some.totalCount"));
        assertEquals(List.of("Article 2", "Article 1"), r.getList("data.last.edges.node.title"));
        assertTrue(r.getBoolean("data.last.pageInfo.hasPreviousPage"));
        assertFalse(r.getBoolean("data.last.pageInfo.hasNextPage"));
        assertEquals(5, r.getInt("data.found.totalCount"));

        JsonPath mixed = GraphQLClient.query("{ articles(first: 1, last: 1) { edges { cursor } } }");
        assertEquals("INVALID_ARGUMENT", mixed.getString("errors[0].extensions.code"), mixed::prettify);
        JsonPath foreign = GraphQLClient.query("{ articles(before: \"garbage\") { edges { cursor } } }");
        assertEquals("INVALID_CURSOR", foreign.getString("errors[0].extensions.code"), foreign::prettify);
    }

    @Test
    void dateFiltersTakeADayOrAnInstant() {
        ingestAt("d1", "Late September", "2024-09-30T23:59:59Z");
        ingestAt("d2", "First of October", "2024-10-01T00:00:00Z");
        ingestAt("d3", "End of the first", "2024-10-01T23:59:59.999Z");
        ingestAt("d4", "Second of October", "2024-10-02T00:00:00Z");
        String q = "query($f: ArticleFilter) { articles(filter: $f) { edges { node { title } } } }";
        JsonPath day = GraphQLClient.query(q, Map.of("f", Map.of("publishedFrom", "2024-10-01", "publishedTo", "2024-10-01")), null);
        assertNull(day.get("errors"), day::prettify);
        assertEquals(List.of("End of the first", "First of October"), day.getList("data.articles.edges.node.title"),
                "a date is the whole day in UTC, at either end");
        JsonPath instant = GraphQLClient.query(q, Map.of("f", Map.of("publishedFrom", "2024-10-01T12:00:00+02:00")), null);
        assertEquals(List.of("Second of October", "End of the first"), instant.getList("data.articles.edges.node.title"));
        JsonPath literal = GraphQLClient.query("{ articles(filter: { publishedFrom: \"2024-10-02\" }) { edges { node { title } } } }");
        assertEquals(List.of("Second of October"), literal.getList("data.articles.edges.node.title"));
        for (String bad : List.of("2024-13-01", "yesterday", "2024-10-01T08:00:00", "2024-10-0")) {
            JsonPath r = GraphQLClient.query(q, Map.of("f", Map.of("publishedFrom", bad)), null);
            assertEquals("INVALID_DATE", r.getString("errors[0].extensions.code"), r::prettify);
            assertTrue(r.getString("errors[0].message").contains("publishedFrom must be an ISO-8601 date"), r::prettify);
            assertNull(r.get("data"), r::prettify);
        }
    }

    @Test
    void theSchemaSaysWhatPagesAndDatesTake() {
        String sdl = GraphQLClient.query("{ _service { sdl } }").getString("data._service.sdl");
        assertTrue(sdl.contains("articles(after: String, before: String, filter: ArticleFilter, first: Int, last: Int): ArticleConnection!"), sdl);
        assertTrue(sdl.contains("searchArticles(after: String, before: String, first: Int, last: Int, query: String!)"), sdl);
        assertTrue(sdl.matches("(?s).*type ArticleConnection \\{.*totalCount: Int!.*}.*"), sdl);
        assertTrue(sdl.matches("(?s).*publishedFrom: String.*publishedTo: String.*"), sdl);
    }
}
