package io.newsgraph.articles.api;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ArticleRestTest {

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    static String seed() {
        try (InputStream in = ArticleRestTest.class.getResourceAsStream("/fixtures/seed-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonPath ingestJson(Map<String, Object> body, int status) {
        return given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(ContentType.JSON).body(body)
                .when().post("/articles").then().statusCode(status).extract().jsonPath();
    }

    @Test
    void seedAsPlainTextIsParsedStoredAndQueuedForDelivery() {
        JsonPath r = given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("text/plain; charset=utf-8")
                .queryParam("source", "dod").queryParam("externalId", "seed-1")
                .queryParam("publishedAt", "2024-10-09T12:00:00Z").body(seed())
                .when().post("/articles").then().statusCode(201).header("Location", containsString("/articles/"))
                .header("ETag", "\"1\"").extract().jsonPath();
        assertEquals("CREATED", r.getString("outcome"));
        assertEquals(1, r.getInt("article.version"));
        assertTrue(r.getString("article.title").startsWith("Strong signals of enhanced military cooperation"));
        assertEquals(5, r.getList("article.keyPoints").size());
        assertEquals(List.of("Strengthening the U.S.-Japan Alliance", "Regional Security Challenges",
                "Geopolitical Context and Future Engagements"), r.getList("article.sections.heading"));
        assertEquals("@japantimes", r.getString("article.embeddedPosts[0].handle"));
        assertEquals("2024-10-09", r.getString("article.embeddedPosts[0].date"));
        assertEquals("https://t.co/mKCQE3X2cJ", r.getString("article.embeddedPosts[0].link"));
        assertEquals(2, r.getList("article.sources").size());
        assertEquals(410, r.getInt("article.wordCount"));
        assertEquals("PENDING", r.getString("article.processing.state"));
        assertEquals(seed(), r.getString("article.body"));

        String id = r.getString("article.id");
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event WHERE type = 'ArticleChanged' AND article_id = '"
                + id + "' AND article_version = 1 AND payload::jsonb ->> 'articleId' = '" + id + "'"));

        given().when().get("/articles/" + id).then().statusCode(200).header("ETag", "\"1\"")
                .body("externalId", is("seed-1")).body("source", is("dod"))
                .body("publishedAt", is("2024-10-09T12:00:00Z"));
    }

    @Test
    void ingestIsIdempotentByExternalIdAndVersionsChanges() {
        Map<String, Object> article = Map.of("externalId", "x-1", "title", "First", "body", "Some text about ports.");
        String id = ingestJson(article, 201).getString("article.id");
        JsonPath again = ingestJson(article, 200);
        assertEquals("UNCHANGED", again.getString("outcome"));
        assertEquals(id, again.getString("article.id"));
        assertEquals(1, again.getInt("article.version"));

        JsonPath changed = ingestJson(Map.of("externalId", "x-1", "title", "First", "body", "Other text about ports."), 200);
        assertEquals("UPDATED", changed.getString("outcome"));
        assertEquals(id, changed.getString("article.id"));
        assertEquals(2, changed.getInt("article.version"));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM article"));
        // Only the newest version waits in the outbox.
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event"));
        assertEquals(2, TestDb.count(ds, "SELECT article_version FROM outbox_event"));
    }

    @Test
    void ingestIsIdempotentByUrlWithoutExternalId() {
        Map<String, Object> article = Map.of("url", "https://news.example/a", "body", "Text.");
        String id = ingestJson(article, 201).getString("article.id");
        assertEquals(id, ingestJson(article, 200).getString("article.id"));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM article"));
    }

    @Test
    void unknownArticleIs404() {
        given().get("/articles/00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .body("code", is("ARTICLE_NOT_FOUND"));
        given().get("/articles/not-a-uuid").then().statusCode(404).body("code", is("ARTICLE_NOT_FOUND"));
    }

    @Test
    void listPagesThroughFilteredArticlesNewestFirst() {
        for (int day = 1; day <= 5; day++) {
            ingestJson(Map.of("externalId", "p" + day, "source", day % 2 == 0 ? "even" : "odd",
                    "publishedAt", "2025-01-0" + day + "T00:00:00Z", "body", "Article " + day), 201);
        }
        List<String> titles = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            var request = given().queryParam("first", 2);
            if (after != null) {
                request.queryParam("after", after);
            }
            JsonPath page = request.get("/articles").then().statusCode(200).extract().jsonPath();
            titles.addAll(page.getList("edges.node.title"));
            after = page.getBoolean("pageInfo.hasNextPage") ? page.getString("pageInfo.endCursor") : null;
            pages++;
        } while (after != null);
        assertEquals(List.of("Article 5", "Article 4", "Article 3", "Article 2", "Article 1"), titles);
        assertEquals(3, pages);

        given().queryParam("source", "even").get("/articles").then().statusCode(200)
                .body("edges.node.title", equalTo(List.of("Article 4", "Article 2")));
        given().queryParam("publishedFrom", "2025-01-02T00:00:00Z").queryParam("publishedTo", "2025-01-04T00:00:00Z")
                .get("/articles").then().statusCode(200)
                .body("edges.node.title", equalTo(List.of("Article 3", "Article 2")));
    }

    @Test
    void badPagingArgumentsAre400() {
        given().queryParam("after", "bm9wZQ").get("/articles").then().statusCode(400).body("code", is("INVALID_CURSOR"));
        given().queryParam("after", "%%%").get("/articles").then().statusCode(400).body("code", is("INVALID_CURSOR"));
        // first=0 is an empty page (a client asking whether there is anything), not an error
        given().queryParam("first", 0).get("/articles").then().statusCode(200).body("edges.size()", is(0));
        given().queryParam("first", -1).get("/articles").then().statusCode(400).body("code", is("INVALID_ARGUMENT"));
        given().queryParam("first", 101).get("/articles").then().statusCode(400).body("code", is("INVALID_ARGUMENT"));
        given().queryParam("first", "ten").get("/articles").then().statusCode(400).body("code", is("INVALID_ARGUMENT"));
        given().queryParam("publishedFrom", "yesterday").get("/articles").then().statusCode(400)
                .body("code", is("INVALID_DATE"));
    }

    @Test
    void searchRanksAndHighlightsWithoutEchoingMarkup() {
        ingestJson(Map.of("externalId", "seed", "body", seed()), 201);
        ingestJson(Map.of("externalId", "other", "body", "Nakatani is mentioned once here. Weather is fine."), 201);
        ingestJson(Map.of("externalId", "html", "body", "<p>A zebra <script>alert('x')</script> crossing & more</p>"), 201);

        JsonPath r = given().queryParam("q", "Nakatani defense").get("/articles/search").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, r.getList("edges").size(), "both words must match");
        assertTrue(r.getString("edges[0].node.title").startsWith("Strong signals"));
        String snippet = r.getString("edges[0].snippet");
        List<Map<String, Integer>> ranges = r.getList("edges[0].highlights");
        assertFalse(ranges.isEmpty());
        for (Map<String, Integer> range : ranges) {
            String hit = snippet.substring(range.get("start"), range.get("end")).toLowerCase();
            assertTrue(hit.startsWith("nakatani") || hit.startsWith("defen"), hit);
        }
        assertTrue(r.getString("edges[0].snippetHtml").contains("<mark>"));

        JsonPath two = given().queryParam("q", "Nakatani").queryParam("first", 1).get("/articles/search").then()
                .statusCode(200).body("edges", hasSize(1)).body("pageInfo.hasNextPage", is(true)).extract().jsonPath();
        given().queryParam("q", "Nakatani").queryParam("after", two.getString("pageInfo.endCursor"))
                .get("/articles/search").then().statusCode(200).body("edges", hasSize(1))
                .body("pageInfo.hasNextPage", is(false))
                .body("edges[0].node.externalId", not(equalTo(two.getString("edges[0].node.externalId"))));
        // A cursor of one search does not page another.
        given().queryParam("q", "weather").queryParam("after", two.getString("pageInfo.endCursor"))
                .get("/articles/search").then().statusCode(400).body("code", is("INVALID_CURSOR"));

        JsonPath html = given().queryParam("q", "zebra").get("/articles/search").then().statusCode(200)
                .extract().jsonPath();
        String snippetHtml = html.getString("edges[0].snippetHtml");
        assertTrue(snippetHtml.contains("<mark>zebra</mark>"), snippetHtml);
        assertFalse(snippetHtml.contains("<script") || snippetHtml.contains("<p>"), snippetHtml);
        assertEquals("<p>A zebra <script>alert('x')</script> crossing & more</p>", html.getString("edges[0].node.body"));

        given().queryParam("q", "x".repeat(257)).get("/articles/search").then().statusCode(400)
                .body("code", is("QUERY_TOO_LONG"));
        given().get("/articles/search").then().statusCode(400).body("code", is("INVALID_ARGUMENT"));
    }

    @Test
    void updatesAndDeletesNeedTheCurrentVersion() {
        String id = ingestJson(Map.of("externalId", "u1", "title", "T", "body", "Body one."), 201).getString("article.id");

        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("title", "T2", "body", "Body two.")).put("/articles/" + id).then().statusCode(200)
                .header("ETag", "\"2\"").body("version", is(2)).body("title", is("T2")).body("externalId", is("u1"));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(ContentType.JSON).header("If-Match", "\"1\"")
                .body(Map.of("body", "Body three.")).put("/articles/" + id).then().statusCode(409)
                .body("code", is("VERSION_CONFLICT"));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("body", "Body three.")).put("/articles/" + id).then().statusCode(428)
                .body("code", is("VERSION_REQUIRED"));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("source", "wire", "version", 2)).patch("/articles/" + id).then().statusCode(200)
                .body("version", is(3)).body("source", is("wire")).body("title", is("T2")).body("body", is("Body two."));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(ContentType.JSON).header("If-Match", "3")
                .body("{\"title\": null}").patch("/articles/" + id).then().statusCode(200)
                .body("version", is(4)).body("title", is("Body two."));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(ContentType.JSON).header("If-Match", "4")
                .body(Map.of("externalId", "other")).patch("/articles/" + id).then().statusCode(400)
                .body("code", is("UNKNOWN_FIELD"));
        assertEquals(4, TestDb.count(ds, "SELECT version FROM article"));
        assertEquals(4, TestDb.count(ds, "SELECT article_version FROM outbox_event WHERE type = 'ArticleChanged'"));

        given().auth().oauth2(TestDb.EDITOR_TOKEN).header("If-Match", "\"3\"").delete("/articles/" + id).then()
                .statusCode(409).body("code", is("VERSION_CONFLICT"));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).queryParam("version", 4).delete("/articles/" + id).then().statusCode(204);
        given().get("/articles/" + id).then().statusCode(404);
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM article"));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event WHERE type = 'ArticleDeleted'"));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event"), "pending changes of a deleted article go");
    }

    @Test
    void concurrentFirstIngestsOfOneExternalIdMakeOneArticle() throws Exception {
        Map<String, Object> article = Map.of("externalId", "race", "body", "Raced text.");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                outcomes.add(pool.submit(() -> given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(ContentType.JSON)
                        .body(article).post("/articles").then().extract().path("outcome")));
            }
            List<String> got = new ArrayList<>();
            for (var f : outcomes) {
                got.add(f.get());
            }
            assertEquals(1, got.stream().filter("CREATED"::equals).count(), got.toString());
            assertEquals(5, got.stream().filter("UNCHANGED"::equals).count(), got.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM article"));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event"));
    }

    @Test
    void markdownBodyWithMetadataInTheQuery() throws IOException {
        byte[] markdown;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/several-posts.md")) {
            markdown = in.readAllBytes();
        }
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("text/markdown; charset=utf-8")
                .queryParam("source", "wire").queryParam("language", "en-GB").body(markdown)
                .post("/articles").then().statusCode(201)
                .body("article.title", is("Storm reaches the coast"))
                .body("article.language", is("en-GB")).body("article.source", is("wire"))
                .body("article.embeddedPosts.handle", equalTo(List.of("@marialopez", "@weatherservice", "@cityhall")))
                .body("article.sources.url", equalTo(java.util.Arrays.asList("https://weather.example/bulletin", null)));
    }
}
