package io.newsgraph.systemtests;

import io.newsgraph.launcher.Service;
import io.newsgraph.testing.GraphQLWsClient;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Live updates through the real gateway: a graphql-ws subscription (java.net.http's WebSocket, the token in
 * {@code connection_init} as a browser sends it) follows an article ingested by an editor's mutation from PENDING to
 * DONE, the DONE message carrying the article's entities, resolved from entities-service by the gateway.
 */
@Order(20)
class SubscriptionIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String SUBSCRIPTION = """
            subscription($id: ID!) {
              articleProcessing(id: $id) { id processing { state } entities { entity { name type } } }
            }""";

    @Test
    @SuppressWarnings("unchecked")
    void anIngestedArticleIsFollowedFromPendingToDoneWithItsEntities() {
        String ws = GraphQLWsClient.wsUrl(SystemSuite.gateway());
        // The relay may deliver before the subscription's first read (then the first state is already DONE and only
        // that is sent): a new article is tried then, a few times, so the test proves the change and not the race.
        for (int attempt = 1; attempt <= 3; attempt++) {
            try (GraphQLWsClient client = GraphQLWsClient.open(ws)) {
                assertEquals(GraphQLWsClient.SUBPROTOCOL, client.subprotocol());
                client.init(Map.of("Authorization", SystemSuite.editor()));
                assertEquals("connection_ack", client.next(WAIT).type());

                String id = HappyPathIT.ingest("""
                        Defence ministers meet in Tokyo
                        Secretary of Defense Lloyd J. Austin III met Minister of Defense Gen Nakatani in Tokyo on \
                        October 9, 2024. Japan and the United States agreed to deepen their alliance.""",
                        "subscription-it-" + attempt + "-" + System.nanoTime(), "2024-10-09T12:00:00Z");
                client.subscribe("s", SUBSCRIPTION, Map.of("id", id));

                List<String> states = new ArrayList<>();
                Map<String, Object> last = null;
                GraphQLWsClient.Received r;
                while (!(r = client.next(WAIT)).isClose() && r.type().equals("next")) {
                    assertEquals("s", r.message().get("id"));
                    Map<String, Object> payload = (Map<String, Object>) r.message().get("payload");
                    assertFalse(payload.containsKey("errors"), "no errors: " + payload);
                    last = (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get("articleProcessing");
                    assertEquals(id, last.get("id"));
                    states.add((String) ((Map<String, Object>) last.get("processing")).get("state"));
                }
                assertEquals("complete", r.type(), "the subscription completes after DONE: " + r);
                assertEquals("DONE", states.get(states.size() - 1), "states: " + states);
                List<Map<String, Object>> entities = (List<Map<String, Object>>) last.get("entities");
                List<Object> names = entities.stream().map(e -> ((Map<String, Object>) e.get("entity")).get("name")).toList();
                System.out.println("[subscription] attempt " + attempt + ": " + states + ", entities when DONE: " + names);
                assertFalse(entities.isEmpty(), "the DONE message carries the article's entities");
                assertTrue(names.stream().anyMatch(n -> String.valueOf(n).contains("Austin")), "entities: " + names);
                if (states.size() >= 2) {
                    assertEquals("PENDING", states.get(0), "states: " + states);
                    return;
                }
            }
        }
        throw new AssertionError("three articles were DONE before their subscription's first read; no PENDING seen");
    }

    /**
     * With anonymous reads off at articles-service (the gateway's left on, so only the subgraph decides): the subgraph
     * sees the client's identity on the WebSocket the gateway opens to it, so a reader subscribes and an anonymous
     * client gets the subgraph's refusal as an error with its code, not a silent subscription.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSubgraphsReadRuleSeesTheSubscribersIdentity() {
        String id = HappyPathIT.ingest("Minister of Defense Gen Nakatani spoke in Tokyo on October 9, 2024.",
                "subscription-it-reads-off-" + System.nanoTime(), "2024-10-09T12:00:00Z");
        Launched.articlesWithAnonymousReads(false);
        try {
            try (GraphQLWsClient client = GraphQLWsClient.open(GraphQLWsClient.wsUrl(SystemSuite.gateway()))) {
                client.init(Map.of("Authorization", "Bearer " + SystemSuite.tokens().token("reader")));
                assertEquals("connection_ack", client.next(WAIT).type());
                client.subscribe("r", SUBSCRIPTION, Map.of("id", id));
                GraphQLWsClient.Received r = client.next(WAIT);
                assertEquals("next", r.type(), "a reader subscribes: " + r);
                Map<String, Object> payload = (Map<String, Object>) r.message().get("payload");
                assertFalse(payload.containsKey("errors"), "no errors: " + payload);
                Map<String, Object> article = (Map<String, Object>) ((Map<String, Object>) payload.get("data")).get("articleProcessing");
                assertEquals(id, article.get("id"));
            }
            try (GraphQLWsClient client = GraphQLWsClient.open(GraphQLWsClient.wsUrl(SystemSuite.gateway()))) {
                client.init(Map.of());
                assertEquals("connection_ack", client.next(WAIT).type(), "the gateway itself still admits anonymous reads");
                client.subscribe("a", SUBSCRIPTION, Map.of("id", id));
                GraphQLWsClient.Received r = client.next(WAIT);
                String seen = r.message() + " " + r.closeCode() + " " + r.closeReason();
                assertFalse("next".equals(r.type()) && !seen.contains("errors"), "no data for an anonymous subscriber: " + seen);
                assertTrue(seen.contains("UNAUTHENTICATED"), "the subgraph's refusal, with its code: " + seen);
                assertFalse(seen.contains("Exception") || seen.contains("at io."), "no internals: " + seen);
            }
        } finally {
            Launched.articlesWithAnonymousReads(true);
        }
    }

    /** Relaunches articles-service with anonymous reads on or off, and waits until it is ready. */
    private static final class Launched {
        static void articlesWithAnonymousReads(boolean on) {
            var suite = SystemSuite.get();
            suite.stop(Service.ARTICLES);
            suite.withEnvironment(Service.ARTICLES,
                    Map.of("NEWSGRAPH_SECURITY_ANONYMOUS_READ", String.valueOf(on)));
            suite.launch(Service.ARTICLES);
            suite.awaitReady(Service.ARTICLES);
        }
    }

    @Test
    void aBadTokenInConnectionInitClosesTheConnection4403() {
        try (GraphQLWsClient client = GraphQLWsClient.open(GraphQLWsClient.wsUrl(SystemSuite.gateway()))) {
            client.init(Map.of("Authorization", "Bearer not-a-token"));
            GraphQLWsClient.Received r = client.next(WAIT);
            assertTrue(r.isClose(), "closed: " + r);
            assertEquals(4403, r.closeCode());
            assertEquals("Forbidden: UNAUTHENTICATED", r.closeReason());
        }
    }
}
