package io.newsgraph.articles.api;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each bad input gets a 4xx with a stable code, and nothing at all is stored. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class BadInputTest {

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    @AfterEach
    void nothingStored() {
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM article"), "no article stored");
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM outbox_event"), "no outbox event stored");
    }

    private static ValidatableResponse post(String contentType, byte[] body) {
        return given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType(contentType).body(body).when().post("/articles")
                .then().contentType("application/json");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void malformedJson() {
        post("application/json", utf8("{\"body\": \"x\"")).statusCode(400).body("code", is("MALFORMED_JSON"));
        post("application/json", utf8("{\"body\": \"x\"} trailing")).statusCode(400).body("code", is("MALFORMED_JSON"));
        post("application/json", utf8("{\"body\": \"x\", \"body\": \"y\"}")).statusCode(400)
                .body("code", is("MALFORMED_JSON"));
        post("application/json", utf8("[1, 2]")).statusCode(400).body("code", is("MALFORMED_JSON"));
    }

    @Test
    void missingBody() {
        post("application/json", new byte[0]).statusCode(400).body("code", is("MISSING_BODY"));
        post("application/json", utf8("{\"title\": \"no body\"}")).statusCode(400).body("code", is("MISSING_BODY"));
        post("application/json", utf8("{\"body\": \"   \"}")).statusCode(400).body("code", is("MISSING_BODY"));
        post("text/plain; charset=utf-8", new byte[0]).statusCode(400).body("code", is("MISSING_BODY"));
    }

    @Test
    void bodyOverTheLimit() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        post("text/plain; charset=utf-8", big).statusCode(413).body("code", is("BODY_TOO_LARGE"));
        String json = "{\"body\": \"" + "a".repeat(1024 * 1024) + "\"}";
        post("application/json", utf8(json)).statusCode(413).body("code", is("BODY_TOO_LARGE"));
    }

    @Test
    void invalidUtf8() {
        byte[] bad = {'{', '"', 'b', 'o', 'd', 'y', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        post("application/json", bad).statusCode(400).body("code", is("INVALID_UTF8"));
        post("text/plain; charset=utf-8", new byte[]{'a', (byte) 0xFF, 'b'}).statusCode(400).body("code", is("INVALID_UTF8"));
    }

    @Test
    void unknownFieldsAndWrongTypes() {
        post("application/json", utf8("{\"body\": \"x\", \"<script>alert(1)</script>\": 1}")).statusCode(400)
                .body("code", is("UNKNOWN_FIELD")).body("message", not(containsString("<script>")));
        post("application/json", utf8("{\"body\": \"x\", \"title\": {\"a\": 1}}")).statusCode(400)
                .body("code", is("INVALID_FIELD"));
        post("application/json", utf8("{\"body\": \"x\", \"publishedAt\": \"last tuesday\"}")).statusCode(400)
                .body("code", is("INVALID_FIELD"));
        post("application/json", utf8("{\"body\": \"x\", \"url\": \"javascript:alert(1)\"}")).statusCode(400)
                .body("code", is("INVALID_FIELD"));
        post("application/json", utf8("{\"body\": \"x\", \"language\": \"english please\"}")).statusCode(400)
                .body("code", is("INVALID_FIELD"));
        post("application/json", utf8("{\"body\": \"x\", \"title\": \"" + "t".repeat(2049) + "\"}")).statusCode(400)
                .body("code", is("INVALID_FIELD"));
    }

    @Test
    void datesOutsideYears1To9999AreRefused() {
        // PostgreSQL's timestamptz ends in the year 294276: a date past it would fail the statement, not the request
        for (String date : new String[]{"+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                "0000-12-31T23:59:59Z"}) {
            post("application/json", utf8("{\"body\": \"x\", \"publishedAt\": \"" + date + "\"}")).statusCode(400)
                    .body("code", is("INVALID_FIELD")).body("message", containsString("publishedAt"));
        }
        for (String param : new String[]{"publishedFrom", "publishedTo"}) {
            given().queryParam(param, "+300000-01-01T00:00:00Z").get("/articles").then().statusCode(400)
                    .body("code", is("INVALID_ARGUMENT")).body("message", containsString(param));
        }
        given().queryParam("publishedFrom", "9999-12-31T00:00:00Z").get("/articles").then().statusCode(200);
    }

    @Test
    void unsupportedMediaTypes() {
        post("application/xml", utf8("<a/>")).statusCode(415).body("code", is("UNSUPPORTED_MEDIA_TYPE"));
        post("text/plain; charset=iso-8859-1", utf8("text")).statusCode(415).body("code", is("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void badCursorAndStaleVersion() {
        given().queryParam("after", "Zm9vOmJhcg").get("/articles").then().statusCode(400)
                .body("code", is("INVALID_CURSOR"));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").header("If-Match", "\"7\"")
                .body("{\"body\": \"x\"}").put("/articles/00000000-0000-0000-0000-000000000001").then().statusCode(404)
                .body("code", is("ARTICLE_NOT_FOUND"));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").header("If-Match", "seven")
                .body("{\"body\": \"x\"}").put("/articles/00000000-0000-0000-0000-000000000001").then().statusCode(400)
                .body("code", is("INVALID_ARGUMENT"));
    }

    @Test
    void staleVersionStoresNothingNew() {
        String id = given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").body("{\"body\": \"one\"}")
                .post("/articles").then().statusCode(201).extract().path("article.id");
        TestDb.clear(ds);
        TestDb.execute(ds, "SELECT 1");
        // Re-create the row directly at version 2 so the request below is stale against it.
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").body("{\"externalId\": \"s\", \"body\": \"a\"}")
                .post("/articles").then().statusCode(201);
        String sid = given().get("/articles").then().extract().path("edges[0].node.id");
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").body("{\"externalId\": \"s\", \"body\": \"b\"}")
                .post("/articles").then().statusCode(200).body("article.version", is(2));
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").header("If-Match", "1")
                .body("{\"body\": \"c\"}").put("/articles/" + sid).then().statusCode(409).body("code", is("VERSION_CONFLICT"));
        given().get("/articles/" + sid).then().body("body", is("b")).body("version", is(2));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event"));
        assertEquals(2, TestDb.count(ds, "SELECT article_version FROM outbox_event"));
        TestDb.clear(ds);
        given().get("/articles/" + id).then().statusCode(404);
    }

    @Test
    void bulkOverTheLineLimitStoresNothing() {
        String lines = "{\"body\": \"x\"}\n".repeat(5001);
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/x-ndjson").body(utf8(lines))
                .post("/articles/bulk").then().statusCode(413).body("code", is("TOO_MANY_LINES"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerJson() {
        given().get("/nothing-here").then().statusCode(404);
        given().auth().oauth2(TestDb.EDITOR_TOKEN).put("/articles").then().statusCode(405)
                .body("code", is("METHOD_NOT_ALLOWED"));
    }

    @Test
    void htmlIsStoredAsTextAndReturnedOnlyAsJson() {
        String html = "<h1>Headline</h1><p>Hello <script>alert('x')</script><img src=x onerror=alert(1)></p>";
        String id = given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("text/html; charset=utf-8").body(utf8(html))
                .post("/articles").then().statusCode(201).contentType("application/json")
                .body("article.title", is("Headline")).extract().path("article.id");
        given().accept("text/html").get("/articles/" + id).then().statusCode(406).body("code", is("NOT_ACCEPTABLE"));
        given().get("/articles/" + id).then().statusCode(200).contentType("application/json").body("body", is(html));
        TestDb.clear(ds);
    }
}
