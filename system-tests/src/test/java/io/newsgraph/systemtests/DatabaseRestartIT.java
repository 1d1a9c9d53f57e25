package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.launcher.EmbeddedPostgresServer;
import io.newsgraph.launcher.Service;
import io.newsgraph.launcher.Suite;
import io.newsgraph.testing.NewsCorpus;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PostgreSQL restarts under a load of reads and writes. During the outage clients get a clear 503 (JSON code and
 * message), or through GraphQL an error with code DATABASE_UNAVAILABLE, never a hang or another 5xx; after it the
 * services recover by themselves within seconds; every write that was acknowledged (articles ingested, deliveries to
 * entities-service) is there afterwards, and every acknowledged article reaches DONE.
 */
@Order(80)
class DatabaseRestartIT {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration OUTAGE = Duration.ofSeconds(4);
    private static final Duration RECOVERY_BOUND = Duration.ofSeconds(15);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> acknowledgedDeliveries = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger sequence = new AtomicInteger();

    @Test
    void servicesRideThroughADatabaseRestart() throws Exception {
        Suite suite = SystemSuite.get();
        EmbeddedPostgresServer postgres = suite.embeddedPostgres().orElseThrow();
        String known = Articles.ingest(NewsCorpus.generate("db-restart-known", 1, 7L).getFirst());

        ExecutorService pool = Executors.newFixedThreadPool(7);
        for (int i = 0; i < 2; i++) {
            pool.submit(this::writeLoop);
        }
        pool.submit(() -> deliveryLoop(suite));
        pool.submit(() -> readLoop("articles-get", Articles.base() + "/articles/" + known, null));
        pool.submit(() -> readLoop("articles-list", Articles.base() + "/articles?first=5", null));
        pool.submit(() -> readLoop("entities-graphql", suite.baseUrl(Service.ENTITIES) + "/graphql",
                "{\"query\":\"{ entities(first: 3) { edges { node { id name } } } }\"}"));
        if (suite.process(Service.GATEWAY) != null) {
            pool.submit(() -> readLoop("gateway", SystemSuite.gateway(),
                    "{\"query\":\"{ articles(first: 3) { edges { node { id title entities { entity { name } } } } } }\"}"));
        }

        Thread.sleep(3000);
        long down = System.nanoTime();
        postgres.close();
        System.out.println("[db-restart] PostgreSQL stopped");
        Thread.sleep(OUTAGE.toMillis());
        postgres.start();
        long up = System.nanoTime();
        System.out.printf("[db-restart] PostgreSQL back after %.1f s%n", (up - down) / 1e9);

        // Recovery: a write and a read succeed again, by the services' own reconnects.
        long recovered = awaitRecovery(suite, known);
        double recoverySeconds = (recovered - up) / 1e9;
        Thread.sleep(3000);
        running.set(false);
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "load threads finished: no request hung");

        System.out.printf("[db-restart] recovered %.1f s after PostgreSQL came back; outcomes %s; %d writes acknowledged%n",
                recoverySeconds, new TreeMap<>(outcomes), acknowledged.size());
        assertTrue(recoverySeconds < RECOVERY_BOUND.toSeconds(), "recovered within " + RECOVERY_BOUND.toSeconds() + " s: " + recoverySeconds);
        assertEquals(List.of(), new ArrayList<>(problems).subList(0, Math.min(20, problems.size())),
                problems.size() + " unclear answers during the outage");
        assertTrue(outcomes.keySet().stream().anyMatch(k -> k.endsWith(" 503")), "the outage was seen as 503s: " + outcomes);

        // No acknowledged write lost.
        for (String id : acknowledged) {
            Http.Response r = Http.get(Articles.base() + "/articles/" + id);
            assertEquals(200, r.status(), "acknowledged article " + id + " is stored: " + r);
        }
        Articles.awaitDone(acknowledged, Duration.ofMinutes(2));
        assertEquals(acknowledgedDeliveries.size(), Db.count(suite.database(Service.ENTITIES),
                "SELECT count(*) FROM extraction WHERE article_id = ANY(?)", (Object) acknowledgedDeliveries.toArray(String[]::new)),
                "every delivery entities-service acknowledged is stored");
    }

    private long awaitRecovery(Suite suite, String known) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                boolean write = Http.postJson(Articles.base() + "/articles",
                        Articles.json(NewsCorpus.generate("db-restart-probe-" + sequence.incrementAndGet(), 1, 1L).getFirst()),
                        Articles.editor()).status() / 100 == 2;
                boolean read = Http.get(Articles.base() + "/articles/" + known).status() == 200;
                boolean entities = Http.graphql(suite.baseUrl(Service.ENTITIES) + "/graphql", "{ entities(first: 1) { edges { node { id } } } }", null)
                        .json().path("errors").isMissingNode();
                if (write && read && entities) {
                    return System.nanoTime();
                }
            } catch (RuntimeException e) {
                // still recovering
            }
            Thread.sleep(200);
        }
        return deadline;
    }

    private void writeLoop() {
        while (running.get()) {
            NewsCorpus.Article a = NewsCorpus.generate("db-restart-" + sequence.incrementAndGet(), 1, sequence.get()).getFirst();
            HttpRequest req = HttpRequest.newBuilder(URI.create(Articles.base() + "/articles")).timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json").header("Authorization", SystemSuite.editor())
                    .POST(HttpRequest.BodyPublishers.ofString(Articles.json(a).toString())).build();
            HttpResponse<String> r = send("articles-write", req);
            if (r != null && r.statusCode() / 100 == 2) {
                JsonNode json = parse(r.body());
                acknowledged.add((json.has("article") ? json.get("article") : json).get("id").asText());
            }
            pause();
        }
    }

    /** Deliveries as the outbox relay makes them: entities-service writes its own database. */
    private void deliveryLoop(Suite suite) {
        while (running.get()) {
            String id = "db-restart-delivery-" + sequence.incrementAndGet();
            NewsCorpus.Article a = NewsCorpus.generate(id, 1, sequence.get()).getFirst();
            String body = Http.JSON.valueToTree(new ExtractionRequest(id, 1, a.title(), a.body(), a.publishedAt())).toString();
            HttpRequest req = HttpRequest.newBuilder(URI.create(suite.baseUrl(Service.ENTITIES) + ExtractionContract.itemPath(id)))
                    .timeout(REQUEST_TIMEOUT).header("Content-Type", "application/json")
                    .header("Authorization", SystemSuite.relay())
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> r = send("entities-delivery", req);
            if (r != null && r.statusCode() / 100 == 2) {
                acknowledgedDeliveries.add(id);
            }
            pause();
        }
    }

    private void readLoop(String name, String url, String graphqlBody) {
        while (running.get()) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT);
            HttpRequest req = graphqlBody == null ? b.GET().build()
                    : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(graphqlBody)).build();
            send(name, req);
            pause();
        }
    }

    /** Sends and classifies: 2xx and clear 503s are fine; anything else is a problem worth naming. */
    private HttpResponse<String> send(String name, HttpRequest req) {
        try {
            HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
            int status = r.statusCode();
            String key = name + " " + status;
            if (status == 200 && req.uri().getPath().endsWith("/graphql") && r.body().contains("\"errors\"")) {
                JsonNode errors = parse(r.body()).path("errors");
                String code = errors.path(0).path("extensions").path("code").asText("");
                key = name + " 200+" + (code.isBlank() ? "errors" : code);
                if (!code.equals("DATABASE_UNAVAILABLE")) {
                    problems.add(name + ": GraphQL error other than DATABASE_UNAVAILABLE: " + Http.abbreviate(r.body()));
                }
            } else if (status >= 500 && status != 503) {
                problems.add(name + ": HTTP " + status + " " + Http.abbreviate(r.body()));
            } else if (status == 503) {
                JsonNode body = parse(r.body());
                boolean clear = body != null && (!body.path("code").asText("").isBlank() || body.has("errors"));
                if (!clear) {
                    problems.add(name + ": 503 without a code: " + Http.abbreviate(r.body()));
                }
            } else if (status / 100 != 2) {
                problems.add(name + ": HTTP " + status + " " + Http.abbreviate(r.body()));
            }
            outcomes.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            return r;
        } catch (java.net.http.HttpTimeoutException e) {
            problems.add(name + ": no answer within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (Exception e) {
            problems.add(name + ": " + e);
        }
        return null;
    }

    private static JsonNode parse(String body) {
        try {
            return Http.JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
