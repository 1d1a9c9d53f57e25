package io.newsgraph.articles.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsgraph.articles.TestDb;
import io.newsgraph.articles.config.ArticlesConfig;
import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.testing.TestTokens;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The relay against a real HTTP server playing entities-service. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@QuarkusTestResource(ReceiverResource.class)
class OutboxRelayTest {

    @Inject
    AgroalDataSource ds;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxStore store;

    @Inject
    ExtractionClient client;

    @Inject
    ArticlesConfig config;

    @Inject
    MeterRegistry registry;

    @Inject
    ObjectMapper mapper;

    private final FakeReceiver receiver = FakeReceiver.INSTANCE;

    @BeforeEach
    void clean() {
        TestDb.clear(ds);
        receiver.stop();
        receiver.start();
        receiver.reset();
    }

    static String ingest(String externalId, String body) {
        return given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json")
                .body(Map.of("externalId", externalId, "title", "T " + externalId, "body", body,
                        "publishedAt", "2024-10-09T08:00:00Z"))
                .post("/articles").then().extract().path("article.id");
    }

    private String state(String id) {
        return given().get("/articles/" + id).then().statusCode(200).extract().path("processing.state");
    }

    /** Makes every waiting retry due now, instead of sleeping through the backoff. */
    private void makeDue() {
        TestDb.execute(ds, "UPDATE outbox_event SET next_attempt_at = now() WHERE status = 'PENDING'");
    }

    @Test
    void deliversTheNewestChangeAndEveryDelete() throws Exception {
        String a = ingest("a", "Version one.");
        String b = ingest("b", "Will be deleted.");
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").header("If-Match", "1")
                .body(Map.of("body", "Version two.", "title", "T a", "publishedAt", "2024-10-09T08:00:00Z")).put("/articles/" + a).then().statusCode(200);
        given().auth().oauth2(TestDb.EDITOR_TOKEN).header("If-Match", "1").delete("/articles/" + b).then().statusCode(204);

        assertEquals(2, relay.drainNow());
        List<FakeReceiver.Request> got = receiver.acknowledged();
        assertEquals(2, got.size(), got.toString());
        FakeReceiver.Request put = got.get(0);
        assertEquals("PUT", put.method());
        assertEquals("/extractions/" + a, put.path());
        // the relay's own identity: a token signed with its key, for entities-service, with role extraction-writer only
        assertTrue(put.authorization().startsWith("Bearer "), put.authorization());
        var claims = TestTokens.relay().verify(put.authorization().substring(7));
        assertEquals(List.of(ExtractionContract.RELAY_ROLE), claims.getStringListClaimValue("groups"));
        assertEquals(put.authorization(), got.get(1).authorization(), "one token serves many deliveries");
        JsonNode body = mapper.readTree(put.body());
        assertEquals(a, body.get("articleId").asText());
        assertEquals(2, body.get("version").asLong());
        assertEquals("T a", body.get("title").asText());
        assertEquals("Version two.", body.get("body").asText());
        assertEquals("2024-10-09T08:00:00Z", body.get("publishedAt").asText());
        assertEquals(new FakeReceiver.Request("DELETE", "/extractions/" + b, put.authorization(), ""), got.get(1));

        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM outbox_event"));
        given().get("/articles/" + a).then().body("processing.state", is("DONE")).body("processing.attempts", is(1));
        assertEquals(0, relay.drainNow(), "nothing delivered twice");
    }

    @Test
    void sendsTheTextTheParserReadWithItsQuotedPostsAndSourcesMarked() throws Exception {
        String html = "<h1>Ferry strike ends</h1><p>Unions at <b>Stena Line</b> agreed on Friday.</p>"
                + "<p>Talks were long.</p><p>— Harbour Desk (@harbourdesk) May 2, 2025</p>"
                + "<h2>Sources</h2><ul><li>Stena Line press release</li></ul>";
        String id = given().header("Authorization", "Bearer " + TestDb.EDITOR_TOKEN).contentType("application/json")
                .body(Map.of("externalId", "html-1", "body", html)).post("/articles").then().statusCode(201)
                .extract().path("article.id");
        assertEquals(1, relay.drainNow());
        JsonNode body = mapper.readTree(receiver.acknowledged().getFirst().body());
        String text = body.get("body").asText();
        assertTrue(text.contains("Unions at Stena Line agreed on Friday."), text);
        assertTrue(!text.contains("<") && !text.contains(">"), "no markup: " + text);
        // no publication date: the time it was ingested is the reference for "Friday"
        assertTrue(body.get("publishedAt").isNull(), body.toString());
        String created = given().get("/articles/" + id).then().extract().path("createdAt");
        assertEquals(java.time.OffsetDateTime.parse(created).toInstant(),
                java.time.Instant.parse(body.get("ingestedAt").asText()));
        Map<String, String> parts = new HashMap<>();
        for (JsonNode p : body.get("parts")) {
            parts.put(p.get("kind").asText(), text.substring(p.get("start").asInt(), p.get("end").asInt()));
        }
        assertEquals(2, parts.size(), body.get("parts").toString());
        assertTrue(parts.get("EMBEDDED_POST").startsWith("Talks were long."), parts.toString());
        assertTrue(parts.get("EMBEDDED_POST").endsWith("(@harbourdesk) May 2, 2025"), parts.toString());
        assertTrue(parts.get("SOURCES").contains("Sources") && parts.get("SOURCES").endsWith("Stena Line press release"),
                parts.toString());
        assertTrue(!parts.get("SOURCES").contains("Unions"), parts.toString());
        // the layout places the body's characters in the parts the article is served with
        JsonNode article = mapper.readTree(given().get("/articles/" + id).then().statusCode(200).extract().asString());
        Map<String, String> laidOut = new HashMap<>();
        for (JsonNode part : body.get("layout")) {
            String served = switch (part.get("part").asText()) {
                case "TITLE" -> article.get("title").asText();
                case "LEDE" -> article.get("lede").asText();
                case "PARAGRAPH" -> article.get("sections").get(part.get("index").asInt()).get("paragraphs")
                        .get(part.get("paragraph").asInt()).asText();
                case "EMBEDDED_POST" -> article.get("embeddedPosts").get(part.get("index").asInt()).get("text").asText();
                case "EMBEDDED_POST_AUTHOR" -> article.get("embeddedPosts").get(part.get("index").asInt()).get("author").asText();
                case "EMBEDDED_POST_HANDLE" -> article.get("embeddedPosts").get(part.get("index").asInt()).get("handle").asText();
                case "SOURCE" -> article.get("sources").get(part.get("index").asInt()).get("text").asText();
                default -> throw new AssertionError("unexpected part " + part);
            };
            for (JsonNode piece : part.get("pieces")) {
                int from = piece.get("bodyStart").asInt();
                int to = from + piece.get("length").asInt();
                int at = piece.get("partStart").asInt();
                assertEquals(text.substring(from, to), served.substring(at, at + to - from), part.toString());
            }
            laidOut.put(part.get("part").asText(), served);
        }
        assertEquals("Ferry strike ends", laidOut.get("TITLE"));
        assertEquals("Unions at Stena Line agreed on Friday.", laidOut.get("LEDE"));
        assertEquals("Stena Line press release", laidOut.get("SOURCE"));
        assertEquals("@harbourdesk", laidOut.get("EMBEDDED_POST_HANDLE"));
    }

    @Test
    void receiverDownThenBackLosesNothing() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(ingest("down" + i, "Text " + i));
        }
        receiver.stop();
        assertEquals(12, relay.drainNow());
        assertEquals(12, TestDb.count(ds, "SELECT count(*) FROM outbox_event WHERE attempts = 1 AND status = 'PENDING'"));
        given().get("/articles/" + ids.get(0)).then().body("processing.state", is("PENDING"))
                .body("processing.attempts", is(1))
                .body("processing.lastError", org.hamcrest.Matchers.is("EXTRACTION_UNAVAILABLE: entities-service could not be reached"));
        relay.refreshGauges();
        assertTrue(given().get("/q/metrics").then().extract().asString().contains("newsgraph_outbox_backlog 12.0"));

        makeDue();
        assertEquals(12, relay.drainNow());
        assertEquals(12, TestDb.count(ds, "SELECT count(*) FROM outbox_event WHERE attempts = 2"));

        receiver.start();
        makeDue();
        assertEquals(12, relay.drainNow());
        Map<String, Integer> deliveries = new HashMap<>();
        for (FakeReceiver.Request r : receiver.acknowledged()) {
            deliveries.merge(r.path(), 1, Integer::sum);
        }
        Map<String, Integer> expected = new HashMap<>();
        ids.forEach(id -> expected.put("/extractions/" + id, 1));
        assertEquals(expected, deliveries);
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM outbox_event"));
        for (String id : ids) {
            assertEquals("DONE", state(id));
        }
        given().get("/articles/" + ids.get(0)).then().body("processing.attempts", is(3));
    }

    @Test
    void rejectedFor422IsFailedUntilRetried() {
        String id = ingest("r", "Too long for the receiver.");
        receiver.answer(422);
        relay.drainNow();
        given().get("/articles/" + id).then().body("processing.state", is("FAILED"))
                .body("processing.attempts", is(1))
                .body("processing.lastError", org.hamcrest.Matchers.startsWith("EXTRACTION_REJECTED: entities-service refused the article (HTTP 422"));
        makeDue();
        assertEquals(0, relay.drainNow(), "a failed event waits for a retry request");

        receiver.answer(200);
        given().auth().oauth2(TestDb.EDITOR_TOKEN).post("/articles/" + id + "/processing/retry").then().statusCode(200)
                .body("processing.state", is("PENDING"));
        assertEquals(1, relay.drainNow());
        assertEquals("DONE", state(id));
        assertEquals(1, receiver.acknowledged().size());
    }

    @Test
    void anAnswerTheSameDeliveryWouldGetAgainEndsRetrying() {
        for (int status : new int[] {400, 413}) {
            String id = ingest("final" + status, "Refused with " + status + ".");
            receiver.answer(status);
            relay.drainNow();
            given().get("/articles/" + id).then().body("processing.state", is("FAILED")).body("processing.attempts", is(1));
        }
        // a wrong key or route is configuration an operator fixes: the relay keeps trying
        String id = ingest("retry401", "Refused with 401.");
        receiver.answer(401);
        relay.drainNow();
        given().get("/articles/" + id).then().body("processing.state", is("PENDING")).body("processing.attempts", is(1));
    }

    @Test
    void givesUpAfterMaxAttempts() {
        String id = ingest("m", "Receiver keeps failing.");
        receiver.answer(503);
        for (int i = 0; i < 6; i++) {
            relay.drainNow();
            makeDue();
        }
        given().get("/articles/" + id).then().body("processing.state", is("FAILED")).body("processing.attempts", is(4));
        assertEquals(1, TestDb.count(ds, "SELECT count(*) FROM outbox_event WHERE status = 'FAILED' AND attempts = 4"));

        receiver.answer(200);
        given().auth().oauth2(TestDb.EDITOR_TOKEN).post("/articles/processing/retry-failed").then().statusCode(200)
                .body("requeued", is(1));
        relay.drainNow();
        assertEquals("DONE", state(id));
    }

    @Test
    void redeliverAllQueuesEveryArticleAgainInBatches() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 205; i++) {
            ids.add(ingest("all" + i, "Redelivered " + i));
        }
        String failed = ids.getFirst();
        receiver.answer(422);
        assertEquals(205, relay.drainNow());
        assertEquals("FAILED", state(failed));
        receiver.reset();

        given().post("/articles/processing/redeliver-all").then().statusCode(401);
        given().auth().oauth2(TestDb.EDITOR_TOKEN).post("/articles/processing/redeliver-all").then().statusCode(200)
                .body("requeued", is(205));
        assertEquals("PENDING", state(failed));
        assertEquals(205, TestDb.count(ds, "SELECT count(*) FROM outbox_event WHERE status = 'PENDING'"));
        assertEquals(205, relay.drainNow());
        List<FakeReceiver.Request> got = receiver.acknowledged();
        assertEquals(new java.util.TreeSet<>(ids.stream().map(id -> "/extractions/" + id).toList()),
                new java.util.TreeSet<>(got.stream().map(FakeReceiver.Request::path).toList()));
        assertEquals(1, mapper.readTree(got.getFirst().body()).get("version").asLong());
        assertEquals(205, TestDb.count(ds, "SELECT count(*) FROM article WHERE processing_state = 'DONE'"));
    }

    @Test
    void twoRelaysShareTheWorkWithoutDoubleDelivery() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(ingest("c" + i, "Concurrent " + i));
        }
        receiver.delay(5);
        RelayWorker first = new RelayWorker(store, client, config.relay(), registry);
        RelayWorker second = new RelayWorker(store, client, config.relay(), registry);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> jobs = List.of(() -> first.drain(100), () -> second.drain(100));
            List<Future<Integer>> done = pool.invokeAll(jobs);
            int a = done.get(0).get();
            int b = done.get(1).get();
            assertEquals(60, a + b);
            assertTrue(a > 0 && b > 0, "both relays took work: " + a + " + " + b);
        } finally {
            pool.shutdownNow();
        }
        Map<String, Integer> deliveries = new HashMap<>();
        for (FakeReceiver.Request r : receiver.acknowledged()) {
            deliveries.merge(r.path(), 1, Integer::sum);
        }
        assertEquals(60, deliveries.size());
        assertTrue(deliveries.values().stream().allMatch(n -> n == 1), deliveries.toString());
        assertEquals(0, TestDb.count(ds, "SELECT count(*) FROM outbox_event"));
    }

    @Test
    void aClaimLeftByACrashedRelayIsTakenOverAfterItsLease() throws Exception {
        String id = ingest("lease", "Claimed by a relay that then died.");
        List<OutboxEvent> abandoned = store.claim(10, java.time.Duration.ofMillis(500));
        assertEquals(1, abandoned.size());
        assertEquals(0, relay.drainNow(), "leased to the other relay");
        Thread.sleep(800);
        assertEquals(1, relay.drainNow());
        assertEquals("DONE", state(id));
        assertEquals(1, receiver.acknowledged().size());
    }

    @Test
    void aChangeWhileTheLastOneIsInFlightWaitsBehindIt() throws Exception {
        String id = ingest("inflight", "Version one.");
        List<OutboxEvent> inFlight = store.claim(10, java.time.Duration.ofSeconds(30));
        assertEquals(1, inFlight.size());
        given().auth().oauth2(TestDb.EDITOR_TOKEN).contentType("application/json").header("If-Match", "1")
                .body(Map.of("body", "Version two.")).patch("/articles/" + id).then().statusCode(200);
        assertEquals(2, TestDb.count(ds, "SELECT count(*) FROM outbox_event"), "the in-flight change is kept");
        assertEquals(0, relay.drainNow(), "version 2 waits until version 1 is settled");

        assertEquals(200, client.deliver(inFlight.get(0)).status());
        store.delivered(inFlight.get(0));
        assertEquals("PENDING", state(id), "version 1's acknowledgement does not mark version 2 done");
        assertEquals(1, relay.drainNow());
        assertEquals("DONE", state(id));
        List<FakeReceiver.Request> got = receiver.acknowledged();
        assertEquals(List.of(1L, 2L), got.stream().map(r -> {
            try {
                return mapper.readTree(r.body()).get("version").asLong();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList());
    }
}
