package io.newsgraph.articles.federation;

import io.agroal.api.AgroalDataSource;
import io.newsgraph.articles.TestDb;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * This subgraph under a standard federation gateway: its live {@code _service { sdl }} is composed with a second
 * subgraph that extends Article (@apollo/composition), and @apollo/gateway serves the supergraph against this running
 * service. Skipped only when Node.js is not installed.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class FederationGatewayTest {

    private static final Path TOOLS = Path.of("..", "tools", "federation").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/graphql")
    URL graphql;

    @Inject
    AgroalDataSource ds;

    private final List<Process> processes = new ArrayList<>();
    private Path work;

    @BeforeEach
    void nodeTools() throws Exception {
        Assumptions.assumeTrue(nodeAvailable(), "Node.js (node) is not installed: federation composition test skipped");
        if (!Files.isDirectory(TOOLS.resolve("node_modules"))) {
            run(TOOLS, List.of("npm", "ci", "--no-audit", "--no-fund"), 600);
        }
        TestDb.clear(ds);
        work = Path.of("target", "federation-test").toAbsolutePath();
        Files.createDirectories(work);
        for (String f : List.of("reviews.graphql", "reviews-subgraph.mjs")) {
            try (var in = getClass().getResourceAsStream("/federation/" + f)) {
                Files.write(work.resolve(f), in.readAllBytes());
            }
        }
        Path modules = work.resolve("node_modules");
        if (!Files.exists(modules, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createSymbolicLink(modules, TOOLS.resolve("node_modules"));
        }
    }

    @AfterEach
    void stopProcesses() {
        processes.forEach(Process::destroy);
    }

    @Test
    void composesAndServesArticlesThroughApolloGateway() throws Exception {
        String key = TestDb.EDITOR_TOKEN;
        List<String> ids = new ArrayList<>();
        for (String ext : List.of("fed-1", "fed-2")) {
            JsonPath r = post(graphql.toString(), "mutation($i: ArticleInput!) { ingestArticle(input: $i) { article { id } } }",
                    Map.of("i", Map.of("externalId", ext, "body", ext.equals("fed-1") ? seed() : "Second article text.")), key);
            ids.add(r.getString("data.ingestArticle.article.id"));
        }

        Process reviews = start(new ProcessBuilder("node", work.resolve("reviews-subgraph.mjs").toString())
                .directory(work.toFile()), Map.of("REVIEWED_IDS", String.join(",", ids)));
        int reviewsPort = Integer.parseInt(firstLine(reviews).replace("listening ", "").strip());

        Path supergraph = work.resolve("supergraph.graphql");
        run(TOOLS, List.of("node", "compose.mjs", "articles=" + graphql,
                "reviews=" + work.resolve("reviews.graphql") + "@http://127.0.0.1:" + reviewsPort + "/graphql",
                "--out", supergraph.toString()), 120);
        String sdl = Files.readString(supergraph);
        assertTrue(sdl.contains("@join__type(graph: ARTICLES, key: \"id\")"), sdl);
        assertTrue(sdl.contains("@join__type(graph: REVIEWS, key: \"id\")"), sdl);

        int gatewayPort = freePort();
        Process gateway = start(new ProcessBuilder("node", "reference-gateway.mjs", "--supergraph", supergraph.toString(),
                "--port", Integer.toString(gatewayPort)).directory(TOOLS.toFile()), Map.of());
        String gatewayUrl = "http://127.0.0.1:" + gatewayPort + "/graphql";
        waitForHealth("http://127.0.0.1:" + gatewayPort + "/health", gateway);

        // Rooted in articles, extended by reviews.
        JsonPath list = post(gatewayUrl, "{ articles(first: 10) { edges { node { id title reviewCount } } } }", Map.of(), null);
        assertNull(list.get("errors"), list::prettify);
        assertEquals(2, list.getList("data.articles.edges").size());
        for (int i = 0; i < 2; i++) {
            String id = list.getString("data.articles.edges[" + i + "].node.id");
            assertEquals(id.replaceAll("[^0-9]", "").length(), list.getInt("data.articles.edges[" + i + "].node.reviewCount"));
        }

        // Rooted in reviews: the gateway resolves Article references through this service's _entities.
        JsonPath refs = post(gatewayUrl, "{ topReviewed { id title keyPoints embeddedPosts { handle } processing { state } } }",
                Map.of(), null);
        assertNull(refs.get("errors"), refs::prettify);
        assertEquals(ids, refs.getList("data.topReviewed.id"));
        assertTrue(refs.getString("data.topReviewed[0].title").startsWith("Strong signals"));
        assertEquals("@japantimes", refs.getString("data.topReviewed[0].embeddedPosts[0].handle"));
        assertEquals(5, refs.getList("data.topReviewed[0].keyPoints").size());

        // Mutations through the gateway: Authorization is forwarded; without it the subgraph's 401 comes back as
        // the standard code.
        JsonPath denied = post(gatewayUrl, "mutation { ingestArticle(input: {body: \"x\"}) { outcome } }", Map.of(), null);
        assertEquals("UNAUTHENTICATED", denied.getString("errors[0].extensions.code"), denied::prettify);
        JsonPath created = post(gatewayUrl, "mutation { ingestArticle(input: {body: \"Via gateway.\"}) { outcome article { id reviewCount } } }",
                Map.of(), key);
        assertNull(created.get("errors"), created::prettify);
        assertEquals("CREATED", created.getString("data.ingestArticle.outcome"));
    }

    private static String seed() throws IOException {
        try (var in = FederationGatewayTest.class.getResourceAsStream("/fixtures/seed-article.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static JsonPath post(String url, String query, Map<String, Object> variables, String bearer) throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Map.of("query", query, "variables", variables));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new JsonPath(response.body());
    }

    private Process start(ProcessBuilder builder, Map<String, String> env) throws IOException {
        builder.environment().putAll(env);
        builder.redirectErrorStream(true);
        Process p = builder.start();
        processes.add(p);
        return p;
    }

    private static String firstLine(Process p) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.startsWith("listening")) {
            throw new IllegalStateException("subgraph did not start: " + line);
        }
        return line;
    }

    private static void waitForHealth(String url, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("gateway exited: " + new String(p.getInputStream().readAllBytes()));
            }
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("gateway did not become healthy");
    }

    private static void run(Path dir, List<String> command, int timeoutSeconds) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + out);
        }
    }

    private static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
