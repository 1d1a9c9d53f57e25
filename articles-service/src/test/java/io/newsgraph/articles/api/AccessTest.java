package io.newsgraph.articles.api;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.security.Roles;
import io.newsgraph.testing.PostgresTestResource;
import io.newsgraph.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Who may do what on articles-service, REST and GraphQL alike, with tokens of the test issuer (anonymous reads on). */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class AccessTest {

    static final TestTokens TOKENS = TestTokens.shared();
    static final String INGEST = "mutation($i: ArticleInput!) { ingestArticle(input: $i) { outcome } }";

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    static Stream<Arguments> invalidTokens() {
        Stream<Arguments> invalid = TOKENS.invalid(Roles.EDITOR).entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
        // the relay's key is trusted on /extractions only
        return Stream.concat(invalid, Stream.of(Arguments.of("the relay's token", TestTokens.relay().token("extraction-writer", Roles.EDITOR))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTokens")
    void anInvalidTokenIsRefusedOnWritesAndReadsAlike(String what, String token) {
        restWrite(token).statusCode(401).header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED")).body("message", not(containsString(token)));
        with(token).get("/articles").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        graphql(token, INGEST, Map.of("i", Map.of("body", "x"))).statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", not(containsString(token)));
        graphql(token, "{ articles(first: 1) { edges { cursor } } }", Map.of()).statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM article"));
    }

    @Test
    void writesWithoutATokenAreUnauthenticated() {
        restWrite(null).statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().contentType("application/x-ndjson").body("{\"body\":\"x\"}".getBytes(StandardCharsets.UTF_8)).post("/articles/bulk").then().statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
        given().delete("/articles/00000000-0000-0000-0000-000000000000").then().statusCode(401);
        graphql(null, INGEST, Map.of("i", Map.of("body", "x"))).statusCode(401)
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED")).body("data", equalTo(null));
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM article"));
    }

    @Test
    void readersAndTokensWithoutARoleAreForbiddenToWrite() {
        for (String token : new String[]{TOKENS.token(Roles.READER), TOKENS.token(), TOKENS.token("extraction-writer")}) {
            restWrite(token).statusCode(403).body("code", equalTo("FORBIDDEN"))
                    .body("message", equalTo("the token does not grant role editor, which this operation needs"));
            graphql(token, INGEST, Map.of("i", Map.of("body", "x"))).statusCode(403)
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            // a document holding a mutation is a write, whichever operation it names
            graphql(token, "query Q { articles(first: 1) { edges { cursor } } } mutation M { deleteArticle(id: \"x\", version: 1) { id } }",
                    Map.of()).statusCode(403).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM article"));
    }

    @Test
    void editorsWrite() {
        restWrite(TOKENS.token(Roles.EDITOR)).statusCode(201);
        graphql(TOKENS.token(Roles.EDITOR), INGEST, Map.of("i", Map.of("body", "Another text."))).statusCode(200)
                .body("data.ingestArticle.outcome", equalTo("CREATED"));
        assertEquals(2, TestDb.count(ds, "SELECT count(*) FROM article"));
    }

    @Test
    void anyoneReads() {
        for (String token : new String[]{null, TOKENS.token(Roles.READER), TOKENS.token(Roles.EDITOR), TOKENS.token()}) {
            with(token).get("/articles").then().statusCode(200);
            graphql(token, "{ articles(first: 1) { edges { cursor } } }", Map.of()).statusCode(200)
                    .body("data.articles.edges.size()", equalTo(0));
            graphql(token, "{ _service { sdl } }", Map.of()).statusCode(200).body("errors", equalTo(null));
        }
    }

    static RequestSpecification with(String token) {
        RequestSpecification request = given();
        return token == null ? request : request.auth().oauth2(token);
    }

    static ValidatableResponse restWrite(String token) {
        return with(token).contentType(ContentType.JSON).body(Map.of("body", "Some text.")).post("/articles").then();
    }

    static ValidatableResponse graphql(String token, String query, Map<String, Object> variables) {
        return with(token).contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .post("/graphql").then();
    }
}
