package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.testing.NewsCorpus;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bounded load on the running suite, on 127.0.0.1 only: a mixed read workload through the gateway with {@code wrk}
 * (p50/p95/p99 and throughput), and end-to-end ingest throughput (articles per second from the first bulk request to
 * the last article DONE). Asserts that nothing failed, never how fast; the figures go to docs/benchmarks.md.
 *
 * <p>{@code -Dnewsgraph.load.seconds=N} sets the wrk duration (default 20), {@code -Dnewsgraph.load.connections=N}
 * its connections (default 16), {@code -Dnewsgraph.load.articles=N} the ingest size (default 300).
 */
@Order(50)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoadIT {

    @Test
    @Order(2)
    void mixedReadsThroughTheGateway() throws Exception {
        GatewayIT.loadSamples();
        String entity = GatewayIT.sharedEntityId();
        String article = GatewayIT.SAMPLE_IDS.getFirst();
        List<String> bodies = new ArrayList<>();
        for (String[] q : new String[][] {
            {"{ articles(first: 5) { edges { node { id title publishedAt } } } }", null},
            {"query($id: ID!) { article(id: $id) { id title keyPoints entities { salience entity { id name type } } } }", article},
            {"query($id: ID!) { entity(id: $id) { name type articles(first: 5) { edges { node { id title } } } related(first: 5) { edges { articleCount node { name } } } } }", entity},
            {"{ articles(first: 3) { edges { node { title entities(minSalience: 0.2) { entity { name articles(first: 2) { edges { node { title } } } } } } } } }", null},
            {"{ searchEntities(query: \"Rotterdam\") { edges { node { id name type } } } }", null},
            {"{ searchArticles(query: \"energy\") { edges { node { id title } } } }", null}}) {
            var body = Http.JSON.createObjectNode().put("query", q[0]);
            if (q[1] != null) {
                body.set("variables", Http.JSON.valueToTree(Map.of("id", q[1])));
            }
            // Every query must work before it is measured.
            Http.graphqlData(SystemSuite.gateway(), q[0], q[1] == null ? null : Map.of("id", q[1]));
            bodies.add(body.toString());
        }
        Path dir = SystemSuite.stateDir().resolve("load");
        Files.createDirectories(dir);
        Path queries = dir.resolve("queries.ndjson");
        Files.write(queries, bodies);
        Path script = dir.resolve("mixed-reads.lua");
        try (InputStream in = LoadIT.class.getResourceAsStream("/load/mixed-reads.lua")) {
            Files.write(script, in.readAllBytes());
        }
        int seconds = Integer.getInteger("newsgraph.load.seconds", 20);
        int connections = Integer.getInteger("newsgraph.load.connections", 16);
        List<String> command = List.of("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s", "--latency",
                "-s", script.toString(), SystemSuite.gateway(), "--", queries.toString());
        Path out = dir.resolve("wrk.txt");
        Process wrk;
        try {
            wrk = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        } catch (IOException e) {
            throw new AssertionError("wrk is not installed (apt-get install wrk; .ci/run does it)", e);
        }
        assertTrue(wrk.waitFor(seconds + 60L, TimeUnit.SECONDS), "wrk finished");
        String report = Files.readString(out);
        System.out.println("[load] " + String.join(" ", command) + "\n" + report);
        String line = report.lines().filter(l -> l.startsWith("RESULT ")).findFirst()
                .orElseThrow(() -> new AssertionError("no RESULT line from wrk:\n" + report));
        JsonNode r = Http.JSON.readTree(line.substring("RESULT ".length()));
        assertTrue(r.get("requests").asLong() > 0, "requests were made");
        assertEquals(0, r.get("non2xx").asLong(), "non-2xx answers");
        assertEquals(0, r.get("socket_errors").asLong(), "connection errors or timeouts");
        assertEquals(0, r.get("graphql_errors").asLong(), "answers with GraphQL errors");
        Files.writeString(dir.resolve("reads.json"), r.toString());
    }

    @Test
    @Order(1)
    void endToEndIngestThroughput() throws Exception {
        int count = Integer.getInteger("newsgraph.load.articles", 300);
        List<NewsCorpus.Article> corpus = NewsCorpus.generate("throughput", count, 99L);
        List<String> ids = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i += 50) {
            ids.addAll(Articles.bulk(corpus.subList(i, Math.min(count, i + 50))));
        }
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        Articles.awaitDone(ids, Duration.ofMinutes(5));
        double totalSeconds = (System.nanoTime() - t0) / 1e9;
        long words = corpus.stream().mapToLong(a -> a.body().split("\\s+").length).sum();
        String result = String.format(
                "{\"articles\": %d, \"words\": %d, \"ingest_seconds\": %.2f, \"ingest_articles_per_s\": %.1f, \"done_seconds\": %.2f, \"end_to_end_articles_per_s\": %.1f}",
                count, words, ingestSeconds, count / ingestSeconds, totalSeconds, count / totalSeconds);
        System.out.println("[load] ingest " + result);
        Path dir = SystemSuite.stateDir().resolve("load");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("ingest.json"), result);
        assertEquals(count, ids.size());
    }
}
