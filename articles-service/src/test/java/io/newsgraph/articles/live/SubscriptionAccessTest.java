package io.newsgraph.articles.live;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.articles.api.AnonymousReadsOffTest;
import io.newsgraph.security.Roles;
import io.newsgraph.testing.GraphQLWsClient;
import io.newsgraph.testing.PostgresTestResource;
import io.newsgraph.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletionException;
import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With anonymous reads off, the subgraph's subscription is a read like any other: the identity verified on the
 * WebSocket upgrade is the one the read rule sees, so a reader's token on the upgrade subscribes and a missing one
 * is refused on the upgrade with the status and code of any refused read. (The gateway opens its WebSocket to the
 * subgraph with the client's token on the upgrade.)
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(AnonymousReadsOffTest.Off.class)
class SubscriptionAccessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SUBSCRIPTION = "subscription($id: ID!) { articleProcessing(id: $id) { id processing { state } } }";

    @TestHTTPResource("/graphql")
    URL graphql;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    private static String ingest() {
        return given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json")
                .body(Map.of("externalId", "live-access", "title", "T", "body", "Lloyd Austin met Gen Nakatani in Tokyo."))
                .post("/articles").then().statusCode(201).extract().path("article.id");
    }

    private GraphQLWsClient subscribe(String token, String id) {
        GraphQLWsClient ws = GraphQLWsClient.open(GraphQLWsClient.wsUrl(graphql.toString()), bearer(token));
        ws.init(Map.of());
        assertEquals("connection_ack", ws.next(WAIT).type());
        ws.subscribe("1", SUBSCRIPTION, Map.of("id", id));
        return ws;
    }

    private static Map<String, String> bearer(String token) {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token);
    }

    /** The status the upgrade was refused with. */
    private int refusedUpgrade(String token) {
        CompletionException e = assertThrows(CompletionException.class,
                () -> GraphQLWsClient.open(GraphQLWsClient.wsUrl(graphql.toString()), bearer(token)).close());
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        return refused.getResponse().statusCode();
    }

    @Test
    void aReaderTokenOnTheUpgradeSubscribes() {
        String id = ingest();
        try (GraphQLWsClient ws = subscribe(TestTokens.shared().token(Roles.READER), id)) {
            GraphQLWsClient.Received r = ws.next(WAIT);
            assertEquals("next", r.type(), String.valueOf(r));
            assertTrue(String.valueOf(r.message()).contains("PENDING"), String.valueOf(r.message()));
        }
    }

    @Test
    void noTokenIsRefusedOnTheUpgrade() {
        assertEquals(401, refusedUpgrade(null));
        // the same answer as a plain request without a token: the GraphQL error with its code
        given().header("Upgrade", "websocket").header("Connection", "Upgrade").get("/graphql")
                .then().statusCode(401).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void aTokenWithoutAReadingRoleIsRefusedOnTheUpgrade() {
        assertEquals(403, refusedUpgrade(TestTokens.shared().token()));
        given().auth().oauth2(TestTokens.shared().token()).header("Upgrade", "websocket").header("Connection", "Upgrade")
                .get("/graphql").then().statusCode(403).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }
}
