package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsgraph.launcher.Service;
import io.newsgraph.testing.NewsCorpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** articles-service's REST API as the tests use it. */
final class Articles {

    private Articles() {
    }

    static String base() {
        return SystemSuite.url(Service.ARTICLES);
    }

    /** The header of every write: an {@code editor} token of the suite's issuer. */
    static String[] editor() {
        return new String[] {"Authorization", SystemSuite.editor()};
    }

    static ObjectNode json(NewsCorpus.Article a) {
        ObjectNode n = Http.JSON.createObjectNode();
        n.put("externalId", a.externalId());
        if (a.title() != null) {
            n.put("title", a.title());
        }
        n.put("body", a.body());
        if (a.publishedAt() != null) {
            n.put("publishedAt", a.publishedAt());
        }
        n.put("source", "system-test");
        return n;
    }

    /** {@code POST /articles}; returns the stored article's id. */
    static String ingest(NewsCorpus.Article a) {
        Http.Response r = Http.postJson(base() + "/articles", json(a), editor());
        if (r.status() / 100 != 2) {
            throw new AssertionError("ingest of " + a.externalId() + " failed: " + r);
        }
        JsonNode json = r.json();
        return (json.has("article") ? json.get("article") : json).get("id").asText();
    }

    /** The bulk endpoint: one NDJSON line per article in, one result line per article out; returns the ids. */
    static List<String> bulk(List<NewsCorpus.Article> batch) {
        StringBuilder ndjson = new StringBuilder();
        try {
            for (NewsCorpus.Article a : batch) {
                ndjson.append(Http.JSON.writeValueAsString(json(a))).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Http.Response r = Http.post(base() + "/articles/bulk", "application/x-ndjson", ndjson.toString(), editor());
        if (r.status() / 100 != 2) {
            throw new AssertionError("bulk ingest failed: " + r);
        }
        List<String> ids = new ArrayList<>();
        for (String line : r.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = parse(line);
            JsonNode id = n.has("id") ? n.get("id") : n.path("article").get("id");
            if (id == null || id.isNull()) {
                throw new AssertionError("bulk line not stored: " + line);
            }
            ids.add(id.asText());
        }
        if (ids.size() != batch.size()) {
            throw new AssertionError("bulk answered " + ids.size() + " lines for " + batch.size() + ": " + r);
        }
        return ids;
    }

    static JsonNode get(String id) {
        Http.Response r = Http.get(base() + "/articles/" + id);
        if (r.status() != 200) {
            throw new AssertionError("GET article " + id + ": " + r);
        }
        return r.json();
    }

    static String state(String id) {
        return get(id).path("processing").path("state").asText();
    }

    /** Waits until every article's processing state is DONE (read in bulk from the database). */
    static void awaitDone(Collection<String> ids, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String[] array = ids.toArray(String[]::new);
        long done = 0;
        while (Instant.now().isBefore(deadline)) {
            done = Db.count(Service.ARTICLES,
                    "SELECT count(*) FROM article WHERE id::text = ANY(?) AND processing_state = 'DONE'", (Object) array);
            if (done == array.length) {
                return;
            }
            sleep(500);
        }
        throw new AssertionError(done + " of " + array.length + " articles DONE after " + timeout.toSeconds() + " s; states: "
                + Db.query(Service.ARTICLES, "SELECT processing_state, count(*) FROM article WHERE id::text = ANY(?) GROUP BY 1",
                        (Object) array));
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            return Http.JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("bulk answer line is not JSON: " + line, e);
        }
    }
}
