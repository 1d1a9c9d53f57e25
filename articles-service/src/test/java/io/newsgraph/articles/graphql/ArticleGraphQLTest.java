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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}
