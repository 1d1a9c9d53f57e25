package io.newsgraph.articles.live;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.articles.outbox.OutboxEvent;
import io.newsgraph.articles.outbox.OutboxStore;
import io.newsgraph.testing.GraphQLWsClient;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscription {@code articleProcessing} over the subgraph's own WebSocket (graphql-transport-ws), fed by the
 * database's announcements: the state at subscription time first, then the change the relay's acknowledgement makes.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ProcessingSubscriptionTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SUBSCRIPTION = "subscription($id: ID!) { articleProcessing(id: $id) { id version processing { state attempts } } }";

    @TestHTTPResource("/graphql")
    URL graphql;

    @Inject
    AgroalDataSource ds;

    @Inject
    OutboxStore outbox;

    @Inject
    ProcessingFeed feed;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
    }

    private static String ingest(String externalId, String body) {
        return given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json")
                .body(Map.of("externalId", externalId, "title", "T " + externalId, "body", body))
                .post("/articles").then().statusCode(201).extract().path("article.id");
    }

    private GraphQLWsClient connect() {
        GraphQLWsClient ws = GraphQLWsClient.open(GraphQLWsClient.wsUrl(graphql.toString()));
        assertEquals(GraphQLWsClient.SUBPROTOCOL, ws.subprotocol());
        ws.init(Map.of());
        assertEquals("connection_ack", ws.next(WAIT).type());
        return ws;
    }

    @Test
    void emitsPendingThenDoneWhenTheRelayIsAcknowledgedThenCompletes() {
        String id = ingest("live-1", "Lloyd Austin met Gen Nakatani in Tokyo.");
        try (GraphQLWsClient ws = connect()) {
            ws.subscribe("1", SUBSCRIPTION, Map.of("id", id));
            assertEquals("PENDING", state(ws.next(WAIT), id));

            // What the relay does once entities-service acknowledged the delivery.
            List<OutboxEvent> claimed = outbox.claim(10, Duration.ofSeconds(30));
            assertEquals(1, claimed.size());
            outbox.delivered(claimed.get(0));

            assertEquals("DONE", state(ws.next(WAIT), id));
            GraphQLWsClient.Received end = ws.next(WAIT);
            assertEquals("complete", end.type());
            assertEquals("1", end.message().get("id"));
        }
        awaitNoWatchers();
    }

    @Test
    void aRolledBackChangeIsNotAnnouncedAndAnAttemptIs() {
        String id = ingest("live-2", "Samuel Paparo spoke in Honolulu.");
        try (GraphQLWsClient ws = connect()) {
            ws.subscribe("a", SUBSCRIPTION, Map.of("id", id));
            assertEquals("PENDING", state(ws.next(WAIT), id));
            TestDb.execute(ds, "BEGIN; UPDATE article SET processing_state = 'DONE' WHERE id = '" + id + "'; ROLLBACK");
            assertTrue(ws.silentFor(Duration.ofSeconds(2)));

            // A failed attempt keeps PENDING but counts: announced, with the attempt.
            List<OutboxEvent> claimed = outbox.claim(10, Duration.ofSeconds(30));
            outbox.failed(claimed.get(0), "RECEIVER_UNAVAILABLE", java.time.Instant.now().plusSeconds(60));
            Map<String, Object> next = ws.next(WAIT).message();
            assertEquals("next", next.get("type"));
            assertEquals(1, processing(next).get("attempts"));
            ws.complete("a");
        }
        awaitNoWatchers();
    }

    @Test
    void anUnknownArticleIsAnErrorWithItsCode() {
        try (GraphQLWsClient ws = connect()) {
            ws.subscribe("x", SUBSCRIPTION, Map.of("id", UUID.randomUUID().toString()));
            GraphQLWsClient.Received r = ws.next(WAIT);
            String text = String.valueOf(r.message());
            assertTrue(text.contains("ARTICLE_NOT_FOUND"), text);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> processing(Map<String, Object> next) {
        Map<String, Object> payload = (Map<String, Object>) next.get("payload");
        Map<String, Object> data = (Map<String, Object>) payload.get("data");
        assertNotNull(data, String.valueOf(payload));
        Map<String, Object> article = (Map<String, Object>) data.get("articleProcessing");
        return (Map<String, Object>) article.get("processing");
    }

    @SuppressWarnings("unchecked")
    private static String state(GraphQLWsClient.Received r, String id) {
        assertEquals("next", r.type(), String.valueOf(r));
        Map<String, Object> article = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) r.message().get("payload"))
                .get("data")).get("articleProcessing");
        assertEquals(id, article.get("id"));
        return (String) processing(r.message()).get("state");
    }

    private void awaitNoWatchers() {
        long until = System.nanoTime() + WAIT.toNanos();
        while (feed.watched() > 0 && System.nanoTime() < until) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertEquals(0, feed.watched(), "a finished subscription leaves no watcher behind");
    }
}
