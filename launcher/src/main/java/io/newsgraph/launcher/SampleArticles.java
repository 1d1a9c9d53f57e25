package io.newsgraph.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The articles a fresh suite is loaded with: the shared seed article (when {@code ../shared/samples/} is beside the
 * repository) and the project's own under {@code samples/}, listed in {@code samples/samples.json}. Each is sent to
 * articles-service with a stable {@code externalId}, so loading them again on a second run changes nothing.
 */
public final class SampleArticles {

    /** One article to load, with the metadata the manifest gives it. */
    public record Sample(String externalId, Path file, String source, String url, String publishedAt) {
    }

    /** What loading one sample gave: the article's id, or why it failed. */
    public record Loaded(Sample sample, String articleId, int status, String error) {
        public boolean ok() {
            return articleId != null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SampleArticles() {
    }

    /** The samples of this checkout: the seed article first when present, then the manifest's. */
    public static List<Sample> find(Path root) {
        List<Sample> out = new ArrayList<>();
        Path seed = root.resolve("../shared/samples/seed-article.txt").normalize();
        if (Files.isRegularFile(seed)) {
            out.add(new Sample("seed-article", seed, "U.S. Department of Defense news digest", null, "2024-10-09T12:00:00Z"));
        }
        Path manifest = root.resolve("samples/samples.json");
        if (Files.isRegularFile(manifest)) {
            try {
                for (JsonNode n : JSON.readTree(manifest.toFile())) {
                    out.add(new Sample(n.path("externalId").asText(), root.resolve("samples").resolve(n.path("file").asText()),
                            text(n, "source"), text(n, "url"), text(n, "publishedAt")));
                }
            } catch (IOException e) {
                throw new LaunchException("could not read " + manifest + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** {@code POST /articles} of one sample, with an {@code editor} token. */
    public static Loaded load(String articlesBaseUrl, String editorToken, Sample sample) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("externalId", sample.externalId());
            body.put("body", Files.readString(sample.file(), StandardCharsets.UTF_8));
            if (sample.source() != null) {
                body.put("source", sample.source());
            }
            if (sample.url() != null) {
                body.put("url", sample.url());
            }
            if (sample.publishedAt() != null) {
                body.put("publishedAt", sample.publishedAt());
            }
            body.put("language", "en");
            HttpRequest req = HttpRequest.newBuilder(URI.create(articlesBaseUrl + "/articles"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + editorToken)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build();
            HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2) {
                return new Loaded(sample, null, res.statusCode(), abbreviate(res.body()));
            }
            JsonNode json = JSON.readTree(res.body());
            JsonNode article = json.has("article") ? json.get("article") : json; // {outcome, article} or the article
            return new Loaded(sample, article.path("id").asText(null), res.statusCode(), null);
        } catch (IOException e) {
            return new Loaded(sample, null, 0, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException("interrupted while loading samples");
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
