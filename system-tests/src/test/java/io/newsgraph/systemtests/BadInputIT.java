package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.launcher.Service;
import io.newsgraph.launcher.Suite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad requests of many kinds at the gateway and at each service's REST and GraphQL APIs: no 5xx, no crash, and every
 * rejection a clear error (REST: {@code {"code", "message"}}; GraphQL: {@code errors[].message} and
 * {@code extensions.code}). Hostile text that is valid input (script, SQL) is either stored as text or refused
 * cleanly, and leaves every table in place. Across the class at least {@value #AT_LEAST} distinct requests (distinct by
 * name and by what is sent) must have run, and the databases hold afterwards only what the accepted ({@code CLEAN})
 * cases created: no row of a refused request, no half of an accepted one.
 */
@Order(40)
class BadInputIT {

    /** What a case may answer. */
    enum Expect {
        /** A clear error: 4xx with code and message (GraphQL: errors with extensions.code). */
        ERROR,
        /** Either a 2xx answer or a clear error: valid-looking input whose handling is the service's choice. */
        CLEAN,
        /**
         * A 4xx from the HTTP layer before any handler of ours (CORS refusals, oversized headers or URLs): the status is
         * the answer, the body may be empty.
         */
        DENIED
    }

    /**
     * One request: sent with {@code java.net.http} ({@code request}), or by {@code raw} where that client cannot send it
     * as the case needs; {@code fingerprint} is a digest of everything sent, to tell distinct requests apart.
     */
    record Case(String name, Expect expect, boolean graphql, HttpRequest request, Supplier<Http.Response> raw, String fingerprint,
                String code) {
        Case(String name, Expect expect, boolean graphql, HttpRequest request, Supplier<Http.Response> raw, String fingerprint) {
            this(name, expect, graphql, request, raw, fingerprint, null);
        }
    }

    /** The battery's size, counted over every test of the class: distinct names, each a distinct request. */
    static final int AT_LEAST = 150;

    /** Every case run so far: name → fingerprint, and fingerprint → name. */
    private static final Map<String, String> RAN = new LinkedHashMap<>();
    private static final Map<String, String> BY_REQUEST = new LinkedHashMap<>();
    /** Article ids the accepted cases' answers carry: what the battery may legitimately have stored. */
    private static final Set<String> CREATED = new HashSet<>();
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static Stored before;

    private static final String SQL = "'; DROP TABLE article; DROP TABLE entity; --";
    private static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    /**
     * Cases a service answers without a clear error today, each reported to its owner: they are printed on every run
     * but do not fail it. Remove an entry once the service answers clearly.
     */
    /**
     * Cases a service still answers with a 500, open defects of that service: printed as KNOWN FAULT on every run and
     * not failing it; any other 5xx fails. Remove an entry once the service answers with a 4xx.
     */
    private static final Map<String, String> KNOWN_FAULTS = Map.of();

    private static final Map<String, String> KNOWN_DEFECTS = Map.of(
            // Vert.x answers 431 and closes while a client that sends the whole oversized header block before reading
            // is still sending; the bytes left unread make the server's kernel reset the connection, and the reset can
            // destroy the 431 before such a client reads it (Netty does no lingering close). The same headers sent by
            // a client that reads while it sends (the "read while sending" cases) must get their 431 every time.
            "gateway: 64 KiB header", "431 lost to a reset",
            "gateway: 64 KiB bearer token", "431 lost to a reset",
            "gateway: 64 KiB cookie", "431 lost to a reset",
            "gateway: 500 headers", "431 lost to a reset");

    /** GraphQL error codes of a fault on the server's side: a 5xx inside a 200 answer. */
    private static final Set<String> FAULTS = Set.of("INTERNAL_SERVER_ERROR", "SUBGRAPH_REQUEST_FAILED", "QUERY_PLANNING_FAILED");

    /** What no answer of the public endpoint may contain: class or exception names, stack frames, SQL, hosts. */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "\\b(io\\.newsgraph|java|javax|jakarta|org|com|io\\.vertx|io\\.quarkus|io\\.smallrye)\\.[a-z][\\w.]*\\.[A-Z]|\\b[A-Z]\\w*Exception\\b"
                    + "|\\bat [\\w$.]+\\(|SQLSTATE|\\bjdbc:|org\\.postgresql|ERROR: |\\b(localhost|127\\.0\\.0\\.1):\\d");

    private final List<Case> cases = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    /** What the databases hold, as far as a bad request could have added to it. */
    record Stored(Set<String> articles, long outbox, Set<String> extractions, long mentions, long entities) {
        static Stored now() {
            return new Stored(ids(Service.ARTICLES, "SELECT id::text AS id FROM article"),
                    Db.count(Service.ARTICLES, "SELECT coalesce(max(id), 0) FROM outbox_event"),
                    ids(Service.ENTITIES, "SELECT article_id AS id FROM extraction"),
                    Db.count(Service.ENTITIES, "SELECT coalesce(max(id), 0) FROM mention"),
                    Db.count(Service.ENTITIES, "SELECT coalesce(max(id), 0) FROM entity"));
        }

        private static Set<String> ids(Service s, String sql) {
            Set<String> ids = new HashSet<>();
            Db.query(s, sql).forEach(row -> ids.add(String.valueOf(row.get("id"))));
            return ids;
        }
    }

    @BeforeAll
    static void whatIsStoredBefore() {
        SystemSuite.get();
        before = Stored.now();
    }

    /**
     * The battery's size, and nothing stored half-way: every article, outbox event, extraction, mention and entity
     * added while it ran belongs to an article an accepted case created (its id is in that case's answer); no mention or
     * per-article entity row lacks its extraction.
     */
    @AfterAll
    static void distinctRequestsAndNothingStoredHalfWay() {
        System.out.println("[bad-input] " + RAN.size() + " distinct hostile requests in all (distinct by name and by request); "
                + CREATED.size() + " ids in accepted answers");
        assertTrue(RAN.size() >= AT_LEAST, "at least " + AT_LEAST + " distinct hostile requests: " + RAN.size());
        List<String> wrong = new ArrayList<>();
        Set<String> articlesAfter = Stored.ids(Service.ARTICLES, "SELECT id::text AS id FROM article");
        for (String id : articlesAfter) {
            if (!before.articles().contains(id) && !CREATED.contains(id)) {
                wrong.add("article " + id + " stored by no accepted request");
            }
        }
        Set<String> known = new HashSet<>(before.articles());
        known.addAll(CREATED);
        Db.query(Service.ARTICLES, "SELECT article_id::text AS id, type FROM outbox_event WHERE id > ?", before.outbox()).forEach(row -> {
            if (!CREATED.contains(String.valueOf(row.get("id")))) {
                wrong.add("outbox event " + row + " of no accepted request");
            }
        });
        for (String id : Stored.ids(Service.ENTITIES, "SELECT article_id AS id FROM extraction")) {
            if (!before.extractions().contains(id) && !known.contains(id)) {
                wrong.add("extraction of " + id + ", an article articles-service never held");
            }
        }
        Db.query(Service.ENTITIES, "SELECT DISTINCT article_id AS id FROM mention WHERE id > ?", before.mentions()).forEach(row -> {
            if (!known.contains(String.valueOf(row.get("id")))) {
                wrong.add("mentions of " + row.get("id") + ", an article articles-service never held");
            }
        });
        long orphanMentions = Db.count(Service.ENTITIES,
                "SELECT count(*) FROM mention m WHERE NOT EXISTS (SELECT 1 FROM extraction e WHERE e.article_id = m.article_id)");
        long orphanRows = Db.count(Service.ENTITIES,
                "SELECT count(*) FROM article_entity a WHERE NOT EXISTS (SELECT 1 FROM extraction e WHERE e.article_id = a.article_id)");
        long bareEntities = Db.count(Service.ENTITIES,
                "SELECT count(*) FROM entity n WHERE n.id > ? AND NOT EXISTS (SELECT 1 FROM article_entity a WHERE a.entity_id = n.id)",
                before.entities());
        if (orphanMentions + orphanRows + bareEntities > 0) {
            wrong.add(orphanMentions + " mentions and " + orphanRows + " article-entity rows without their extraction, "
                    + bareEntities + " new entities without an article");
        }
        assertEquals(List.of(), wrong, "stored half-way or by a refused request");
    }

    @Test
    void servicesAnswerEveryBadRequestWithAClearError() {
        Suite suite = SystemSuite.get();
        String articles = suite.baseUrl(Service.ARTICLES);
        String entities = suite.baseUrl(Service.ENTITIES);
        String key = SystemSuite.editor();
        String relay = SystemSuite.relay();

        // ---- articles-service REST
        rest("articles: malformed JSON", Expect.ERROR, post(articles + "/articles", "application/json", "{\"body\": \"x\",", "Authorization", key));
        rest("articles: empty body", Expect.ERROR, post(articles + "/articles", "application/json", "", "Authorization", key));
        rest("articles: JSON array instead of object", Expect.ERROR, post(articles + "/articles", "application/json", "[1,2]", "Authorization", key));
        rest("articles: wrong types", Expect.ERROR, post(articles + "/articles", "application/json", "{\"body\": 42, \"title\": [\"a\"]}", "Authorization", key));
        rest("articles: null body", Expect.ERROR, post(articles + "/articles", "application/json", "{\"body\": null}", "Authorization", key));
        rest("articles: unknown field", Expect.ERROR, post(articles + "/articles", "application/json", "{\"body\": \"text\", \"bogus\": 1}", "Authorization", key));
        rest("articles: bad date", Expect.ERROR, post(articles + "/articles", "application/json", "{\"body\": \"text\", \"publishedAt\": \"yesterday\"}", "Authorization", key));
        rest("articles: 2 MiB body", Expect.ERROR, post(articles + "/articles", "text/plain", "word ".repeat(420_000), "Authorization", key));
        rest("articles: invalid UTF-8 text", Expect.ERROR, postBytes(articles + "/articles", "text/plain", new byte[] {'a', (byte) 0xC3, 0x28, 'b'}, "Authorization", key));
        rest("articles: invalid UTF-8 in JSON", Expect.ERROR, postBytes(articles + "/articles", "application/json",
                concat("{\"body\": \"", new byte[] {(byte) 0xFF, (byte) 0xFE}, "\"}"), "Authorization", key));
        rest("articles: no API key", Expect.ERROR, post(articles + "/articles", "application/json", "{\"body\": \"text\"}"));
        rest("articles: token that is no JWT", Expect.ERROR, post(articles + "/articles", "application/json", "{\"body\": \"text\"}", "Authorization", "Bearer nope"));
        rest("articles: XML body", Expect.ERROR, post(articles + "/articles", "application/xml", "<a>text</a>", "Authorization", key));
        rest("articles: bulk malformed lines", Expect.CLEAN, post(articles + "/articles/bulk", "application/x-ndjson", "{\"body\":\n[]\n\"x\"\n", "Authorization", key));
        rest("articles: bulk too many lines", Expect.ERROR, post(articles + "/articles/bulk", "application/x-ndjson", "{}\n".repeat(6000), "Authorization", key));
        rest("articles: bulk without key", Expect.ERROR, post(articles + "/articles/bulk", "application/x-ndjson", "{\"body\":\"x\"}\n"));
        rest("articles: get malformed id", Expect.ERROR, get(articles + "/articles/not-a-uuid"));
        rest("articles: get unknown id", Expect.ERROR, get(articles + "/articles/" + UUID.randomUUID()));
        rest("articles: get id with SQL", Expect.ERROR, get(articles + "/articles/" + enc(SQL)));
        rest("articles: huge first", Expect.CLEAN, get(articles + "/articles?first=2147483647"));
        rest("articles: overflowing first", Expect.ERROR, get(articles + "/articles?first=99999999999999999999"));
        rest("articles: negative first", Expect.ERROR, get(articles + "/articles?first=-1"));
        rest("articles: non-numeric first", Expect.ERROR, get(articles + "/articles?first=abc"));
        rest("articles: garbage cursor", Expect.ERROR, get(articles + "/articles?after=" + enc("%%%garbage")));
        rest("articles: base64 garbage cursor", Expect.ERROR, get(articles + "/articles?after=" + enc("eyJmb28iOiJiYXIifQ==")));
        rest("articles: bad date filter", Expect.ERROR, get(articles + "/articles?publishedFrom=last-week"));
        rest("articles: search too long", Expect.ERROR, get(articles + "/articles/search?q=" + "a".repeat(5000)));
        rest("articles: search with SQL", Expect.CLEAN, get(articles + "/articles/search?q=" + enc(SQL)));
        rest("articles: search with tsquery syntax", Expect.CLEAN, get(articles + "/articles/search?q=" + enc("a & | ! ( :* <->")));
        rest("articles: search without q", Expect.ERROR, get(articles + "/articles/search"));
        rest("articles: update unknown id", Expect.ERROR, put(articles + "/articles/" + UUID.randomUUID(), "application/json", "{\"body\": \"x\"}", "Authorization", key, "If-Match", "\"1\""));
        rest("articles: delete unknown id", Expect.ERROR, delete(articles + "/articles/" + UUID.randomUUID() + "?version=1", "Authorization", key));
        rest("articles: delete without key", Expect.ERROR, delete(articles + "/articles/" + UUID.randomUUID() + "?version=1"));
        rest("articles: wrong method", Expect.ERROR, HttpRequest.newBuilder(URI.create(articles + "/articles/search")).method("PATCH", HttpRequest.BodyPublishers.noBody()).build());
        rest("articles: unknown path", Expect.ERROR, get(articles + "/nothing-here"));
        rest("articles: accept XML only", Expect.ERROR, get(articles + "/articles", "Accept", "application/xml"));
        rest("articles: script and SQL in every field", Expect.CLEAN, post(articles + "/articles", "application/json", json(
                "externalId", SQL, "title", SCRIPT + SQL, "body", SCRIPT + "\n" + SQL, "url", "javascript:alert(1)", "source", SCRIPT,
                "language", SQL), "Authorization", key));

        // ---- entities-service REST
        rest("entities: delivery without key", Expect.ERROR, put(entities + "/extractions/a1", "application/json", "{\"articleId\":\"a1\",\"version\":1,\"body\":\"x\"}"));
        rest("entities: delivery malformed JSON", Expect.ERROR, put(entities + "/extractions/a1", "application/json", "{\"version\":", "Authorization", relay));
        rest("entities: delivery wrong types", Expect.ERROR, put(entities + "/extractions/a1", "application/json", "{\"articleId\":\"a1\",\"version\":\"one\",\"body\":7}", "Authorization", relay));
        rest("entities: delivery id mismatch", Expect.ERROR, put(entities + "/extractions/a1", "application/json", "{\"articleId\":\"b2\",\"version\":1,\"body\":\"x\"}", "Authorization", relay));
        rest("entities: delivery negative version", Expect.ERROR, put(entities + "/extractions/a1", "application/json", "{\"articleId\":\"a1\",\"version\":-5,\"body\":\"x\"}", "Authorization", relay));
        rest("entities: delivery over the text limit", Expect.ERROR, put(entities + "/extractions/a1", "application/json", json("articleId", "a1", "body", "word ".repeat(60_000)).replace("}", ",\"version\":1}"), "Authorization", relay));
        rest("entities: delivery id too long", Expect.ERROR, put(entities + "/extractions/" + "x".repeat(1000), "application/json", "{\"version\":1,\"body\":\"x\"}", "Authorization", relay));
        rest("entities: delete without key", Expect.ERROR, delete(entities + "/extractions/a1"));
        rest("entities: extract empty", Expect.ERROR, post(entities + "/extract", "text/plain", "", "Authorization", key));
        rest("entities: extract invalid UTF-8", Expect.ERROR, postBytes(entities + "/extract", "text/plain", new byte[] {'A', (byte) 0xC3, 0x28}, "Authorization", key));
        rest("entities: extract malformed JSON", Expect.ERROR, post(entities + "/extract", "application/json", "{\"text\":", "Authorization", key));
        rest("entities: extract bad date", Expect.ERROR, post(entities + "/extract", "application/json", "{\"text\":\"Berlin\",\"publishedAt\":\"soon\"}", "Authorization", key));
        rest("entities: extract without key", Expect.ERROR, post(entities + "/extract", "text/plain", "Angela Merkel visited Paris."));
        rest("entities: extract XML", Expect.ERROR, post(entities + "/extract", "application/xml", "<t>x</t>", "Authorization", key));
        rest("entities: extract script and SQL", Expect.CLEAN, post(entities + "/extract", "text/plain", SCRIPT + " " + SQL + " Angela Merkel met Emmanuel Macron.", "Authorization", key));
        rest("entities: batch malformed line", Expect.CLEAN, post(entities + "/extract/batch", "application/x-ndjson", "{\"doc_id\":\"1\",\"text\":\n", "Authorization", key));
        rest("entities: batch too many lines", Expect.ERROR, post(entities + "/extract/batch", "application/x-ndjson", "{\"doc_id\":\"1\",\"text\":\"x\"}\n".repeat(1000), "Authorization", key));
        rest("entities: unknown path", Expect.ERROR, get(entities + "/nothing-here"));

        // ---- GraphQL: each subgraph and the gateway
        for (String[] endpoint : new String[][] {{"articles", articles + "/graphql"}, {"entities", entities + "/graphql"}}) {
            graphqlBattery(endpoint[0], endpoint[1]);
        }
        verify(suite, List.of(Service.ARTICLES, Service.ENTITIES), 50);
    }

    @Test
    void gatewayAnswersEveryBadRequestWithAClearError() {
        Suite suite = SystemSuite.get();
        String key = SystemSuite.editor();
        graphqlBattery("gateway", SystemSuite.gateway());
        String gw = SystemSuite.gateway();
        graphql("gateway: deep query", "MAX_DEPTH_EXCEEDED", gql(gw, deep(40)));
        graphql("gateway: 101 aliases", "MAX_ALIASES_EXCEEDED", gql(gw, "{ " + aliases(101) + " }"));
        graphql("gateway: 2100 fields without an alias", "MAX_FIELDS_EXCEEDED", gql(gw, "{ articles(first: 1) { edges { node { " + "id ".repeat(2100) + "} } } }"));
        graphql("gateway: ingest without a token", Expect.ERROR, gql(gw, "mutation { ingestArticle(input: {body: \"text\"}) { article { id } } }"));
        graphql("gateway: ingest wrong input type", Expect.ERROR, gql(gw, "mutation { ingestArticle(input: {body: 42}) { article { id } } }", "Authorization", key));
        graphql("gateway: unknown article id", Expect.CLEAN, gql(gw, "{ article(id: \"" + UUID.randomUUID() + "\") { id title } }"));
        graphql("gateway: malformed article id", Expect.CLEAN, gql(gw, "{ article(id: \"" + SQL + "\") { id title } }"));
        graphql("gateway: unknown entity id", Expect.CLEAN, gql(gw, "{ entity(id: \"999999999\") { id name } }"));
        graphql("gateway: SQL in entity search", Expect.CLEAN, gql(gw, "{ searchEntities(query: \"" + SQL + "\") { edges { node { id } } } }"));
        graphql("gateway: script in article search", Expect.CLEAN, gql(gw, "{ searchArticles(query: \"" + SCRIPT.replace("\"", "\\\"").replace("'", "") + "\") { edges { node { id } } } }"));
        graphql("gateway: script and SQL through the mutation", Expect.CLEAN, post(gw, "application/json", json("query",
                "mutation($in: ArticleInput!) { ingestArticle(input: $in) { article { id title } } }").replace("}\"}", "}\", \"variables\": {\"in\": "
                + json("title", SCRIPT, "body", SQL + " " + SCRIPT, "source", SQL, "externalId", "bad-input-" + UUID.randomUUID()) + "}}"),
                "Authorization", key));

        verify(suite, List.of(Service.values()), 25);
    }

    @Test
    void gatewayEdgeRefusesHostileRequests() throws IOException {
        Suite suite = SystemSuite.get();
        String gw = SystemSuite.gateway();
        long articlesBefore = Db.count(Service.ARTICLES, "SELECT count(*) FROM article");
        String entity = "1";

        // ---- cost bombs
        graphql("gateway: fan-out bomb 9 levels", "COST_ESTIMATED_TOO_EXPENSIVE", gql(gw, HostileQueriesIT.fanOut(entity, 9)));
        graphql("gateway: fan-out bomb 14 levels", Expect.ERROR, gql(gw, HostileQueriesIT.fanOut(entity, 14)));
        graphql("gateway: fan-out bomb 3 levels", Expect.ERROR, gql(gw, HostileQueriesIT.fanOut(entity, 3)));
        graphql("gateway: fragment reuse bomb", "COST_ESTIMATED_TOO_EXPENSIVE", gql(gw, HostileQueriesIT.fragmentReuse(entity, 8)));
        graphql("gateway: fragment reuse bomb, 2 levels", Expect.ERROR, gql(gw, HostileQueriesIT.fragmentReuse(entity, 2)));
        graphql("gateway: page size through a variable", Expect.ERROR, post(gw, "application/json",
                "{\"query\": \"query($n: Int) { entities(first: $n) { edges { node { related(first: $n) { edges { node { id } } } } } } }\", \"variables\": {\"n\": 2147483647}}"));
        graphql("gateway: aliased wide lists", Expect.ERROR, gql(gw, "{ " + wide("entities(first: 100) { edges { node { related(first: 100) { edges { node { id } } } } } }", 5) + " }"));
        graphql("gateway: articles to entities to articles", Expect.ERROR, gql(gw,
                "{ articles(first: 100) { edges { node { entities { entity { articles(first: 100) { edges { node { entities { entity { id } } } } } } } } } } }"));
        graphql("gateway: search fan-out", Expect.ERROR, gql(gw,
                "{ searchEntities(query: \"ab\", first: 50) { edges { node { related(first: 100) { edges { node { related(first: 100) { edges { node { id } } } } } } } } } }"));

        // ---- CORS (Quarkus' filter: 403 without a body for an origin not allowed)
        for (String origin : new String[] {"https://evil.example", "null", "http://127.0.0.1.evil.example", "file://", "https://" + "x".repeat(300) + ".example"}) {
            graphql("gateway: CORS preflight from " + abbreviate(origin), Expect.DENIED, builder(gw, "Origin", origin, "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers", "content-type").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        }
        graphql("gateway: CORS POST from another origin", Expect.DENIED, postBytes(gw, "application/json", "{\"query\": \"{ __typename }\"}".getBytes(StandardCharsets.UTF_8),
                "Origin", "https://evil.example"));

        // ---- CSRF: requests a browser sends cross-site without a preflight
        String typename = "{\"query\": \"{ __typename }\"}";
        for (String type : new String[] {"text/plain", "text/plain; charset=utf-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=b",
                "TEXT/PLAIN", "text/plain;", "application/x-www-form-urlencoded; charset=utf-8"}) {
            graphql("gateway: CSRF, Content-Type '" + type + "'", "CSRF_ERROR", postBytes(gw, type, typename.getBytes(StandardCharsets.UTF_8)));
        }
        graphql("gateway: CSRF, no Content-Type", "CSRF_ERROR", builder(gw).POST(HttpRequest.BodyPublishers.ofString(typename)).build());
        graphql("gateway: CSRF, GET without a custom header", "CSRF_ERROR", get(gw + "?query=" + enc("{ __typename }")));
        graphql("gateway: CSRF, GET with a blank required header", Expect.ERROR, get(gw + "?query=" + enc("{ __typename }"), "apollo-require-preflight", " "));
        graphql("gateway: CSRF, form-encoded mutation", Expect.ERROR, postBytes(gw, "application/x-www-form-urlencoded",
                ("query=" + enc("mutation { deleteArticle(id: \"x\", version: 1) { id } }")).getBytes(StandardCharsets.UTF_8)));

        // ---- content encodings: bodies are never inflated
        byte[] zeros = new byte[16 * 1024 * 1024];
        graphql("gateway: gzip bomb", "UNSUPPORTED_CONTENT_ENCODING", postBytes(gw, "application/json", gzip(zeros), "Content-Encoding", "gzip"));
        graphql("gateway: deflate bomb", Expect.ERROR, postBytes(gw, "application/json", deflate(zeros), "Content-Encoding", "deflate"));
        graphql("gateway: gzip of valid JSON", Expect.ERROR, postBytes(gw, "application/json", gzip(typename.getBytes(StandardCharsets.UTF_8)), "Content-Encoding", "gzip"));
        graphql("gateway: brotli claimed", Expect.ERROR, postBytes(gw, "application/json", new byte[] {0x0b, 0x02, (byte) 0x80}, "Content-Encoding", "br"));
        graphql("gateway: unknown encoding", Expect.ERROR, postBytes(gw, "application/json", typename.getBytes(StandardCharsets.UTF_8), "Content-Encoding", "x-squash"));
        graphql("gateway: stacked encodings", Expect.ERROR, postBytes(gw, "application/json", typename.getBytes(StandardCharsets.UTF_8), "Content-Encoding", "gzip, deflate, gzip"));
        graphql("gateway: identity encoding", Expect.CLEAN, postBytes(gw, "application/json", typename.getBytes(StandardCharsets.UTF_8), "Content-Encoding", "identity"));
        graphql("gateway: gzip-compressed JSON without saying so", Expect.ERROR, postBytes(gw, "application/json", gzip(typename.getBytes(StandardCharsets.UTF_8))));

        // ---- huge headers and URLs, over HTTP/1.1 (431, 414): over an upgraded HTTP/2 connection an oversized header
        // block leaves that client connection unusable (the gateway itself keeps serving), which would stall later cases
        graphql("gateway: 64 KiB header", Expect.DENIED, http1(postBytes(gw, "application/json", typename.getBytes(StandardCharsets.UTF_8), "X-Big", "a".repeat(64 * 1024))));
        graphql("gateway: 64 KiB bearer token", Expect.DENIED, http1(postBytes(gw, "application/json", typename.getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + "a".repeat(64 * 1024))));
        graphql("gateway: 64 KiB cookie", Expect.DENIED, http1(postBytes(gw, "application/json", typename.getBytes(StandardCharsets.UTF_8), "Cookie", "c=" + "a".repeat(64 * 1024))));
        String[] many = new String[2 * 500];
        for (int i = 0; i < 500; i++) {
            many[2 * i] = "X-H" + i;
            many[2 * i + 1] = "v".repeat(40);
        }
        graphql("gateway: 500 headers", Expect.DENIED, http1(postBytes(gw, "application/json", typename.getBytes(StandardCharsets.UTF_8), many)));
        graphql("gateway: 100 KiB URL", Expect.DENIED, http1(get(gw + "?query=" + "a".repeat(100 * 1024), "apollo-require-preflight", "1")));
        graphql("gateway: 2 MiB JSON body", "REQUEST_TOO_LARGE", post(gw, "application/json", "{\"query\": \"{ __typename }\", \"x\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}"));

        // ---- huge or deep JSON
        graphql("gateway: JSON nested 100000 deep", Expect.ERROR, post(gw, "application/json", "{\"query\": \"{ __typename }\", \"variables\": {\"a\": "
                + "[".repeat(100_000) + "]".repeat(100_000) + "}}"));
        graphql("gateway: JSON nested 5000 objects deep", Expect.ERROR, post(gw, "application/json", "{\"query\": \"{ __typename }\", \"variables\": "
                + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}"));
        StringBuilder keys = new StringBuilder("{\"query\": \"{ __typename }\", \"variables\": {");
        for (int i = 0; i < 40_000; i++) {
            keys.append(i == 0 ? "" : ",").append("\"k").append(i).append("\": ").append(i);
        }
        graphql("gateway: 40000 unused variables", Expect.CLEAN, post(gw, "application/json", keys.append("}}").toString()));
        graphql("gateway: number too large for Int", Expect.ERROR, post(gw, "application/json",
                "{\"query\": \"query($n: Int) { entities(first: $n) { edges { node { id } } } }\", \"variables\": {\"n\": 1e400}}"));
        graphql("gateway: 900 KB query string", "MAX_DOCUMENT_SIZE_EXCEEDED", post(gw, "application/json", json("query", "{ __typename " + " ".repeat(900_000) + "}")));
        graphql("gateway: duplicate keys", Expect.CLEAN, post(gw, "application/json", "{\"query\": \"{ nope }\", \"query\": \"{ __typename }\"}"));
        graphql("gateway: trailing garbage", Expect.ERROR, post(gw, "application/json", typename + "}}}]]"));
        graphql("gateway: two JSON documents", Expect.ERROR, post(gw, "application/json", typename + typename));
        graphql("gateway: JSON string body", Expect.ERROR, post(gw, "application/json", "\"{ __typename }\""));
        graphql("gateway: variables as array", Expect.ERROR, post(gw, "application/json", "{\"query\": \"{ __typename }\", \"variables\": [1, 2]}"));
        graphql("gateway: operationName as object", Expect.ERROR, post(gw, "application/json", "{\"query\": \"{ __typename }\", \"operationName\": {}}"));

        // ---- Unicode edge cases
        graphql("gateway: lone high surrogate in a string", Expect.CLEAN, post(gw, "application/json",
                "{\"query\": \"{ searchEntities(query: \\\"a\\ud800b\\\") { edges { node { id } } } }\"}"));
        graphql("gateway: lone low surrogate in a variable", Expect.CLEAN, post(gw, "application/json",
                "{\"query\": \"query($q: String!) { searchArticles(query: $q) { edges { node { id } } } }\", \"variables\": {\"q\": \"x\\udc00y\"}}"));
        graphql("gateway: NUL in a search string", Expect.CLEAN, post(gw, "application/json",
                "{\"query\": \"query($q: String!) { searchArticles(query: $q) { edges { node { id } } } }\", \"variables\": {\"q\": \"a\\u0000b\"}}"));
        graphql("gateway: NUL in an id", Expect.CLEAN, post(gw, "application/json",
                "{\"query\": \"query($id: ID!) { article(id: $id) { id } entity(id: $id) { id } }\", \"variables\": {\"id\": \"\\u0000\"}}"));
        graphql("gateway: NUL in the document", Expect.ERROR, post(gw, "application/json", "{\"query\": \"{ __type\\u0000name }\"}"));
        graphql("gateway: overlong UTF-8", Expect.ERROR, postBytes(gw, "application/json", concat("{\"query\": \"{ __typename ", new byte[] {(byte) 0xC0, (byte) 0xAF}, " }\"}")));
        graphql("gateway: overlong NUL", Expect.ERROR, postBytes(gw, "application/json", concat("{\"query\": \"{ __typename ", new byte[] {(byte) 0xC0, (byte) 0x80}, " }\"}")));
        graphql("gateway: UTF-8 encoded surrogate", Expect.ERROR, postBytes(gw, "application/json", concat("{\"query\": \"{ __typename ", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, " }\"}")));
        graphql("gateway: truncated UTF-8 sequence", Expect.ERROR, postBytes(gw, "application/json", concat("{\"query\": \"{ __typename }", new byte[] {(byte) 0xE2, (byte) 0x82}, "\"}")));
        graphql("gateway: code point above U+10FFFF", Expect.ERROR, postBytes(gw, "application/json", concat("{\"query\": \"{ __typename ", new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, " }\"}")));
        graphql("gateway: UTF-8 BOM before the JSON", Expect.CLEAN, postBytes(gw, "application/json", concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, typename)));
        graphql("gateway: BOM inside the document", Expect.CLEAN, post(gw, "application/json", "{\"query\": \"\\ufeff{ __typename }\"}"));
        graphql("gateway: UTF-16 body", Expect.CLEAN, postBytes(gw, "application/json; charset=utf-16", typename.getBytes(StandardCharsets.UTF_16)));
        graphql("gateway: invalid JSON escape", Expect.ERROR, post(gw, "application/json", "{\"query\": \"{ __typename \\uZZZZ }\"}"));
        graphql("gateway: right-to-left override and zero-width characters", Expect.CLEAN, gql(gw, "{ searchEntities(query: \"\u202Eabc\u200B\u200D\") { edges { node { id } } } }"));
        graphql("gateway: astral characters in a search", Expect.CLEAN, gql(gw, "{ searchArticles(query: \"\uD83D\uDE00 \uD834\uDD1E\") { edges { node { id } } } }"));
        graphql("gateway: non-ASCII field name", Expect.ERROR, gql(gw, "{ \u00e9ntities { id } }"));

        verify(suite, List.of(Service.values()), 60);
        assertEquals(articlesBefore, Db.count(Service.ARTICLES, "SELECT count(*) FROM article"), "nothing was stored");
    }

    /**
     * The kinds the other tests send only at the gateway, or not at all, at every service: forged and role-less tokens
     * on every write, cost bombs straight at each subgraph, CORS and CSRF variants, compressed bodies, oversized
     * headers (over HTTP/1.1 read while sending, and over HTTP/2 with prior knowledge), Unicode edge cases, numbers out
     * of range, deep and huge JSON, batched operations.
     */
    @Test
    void tokensBombsEncodingsAndOddTextAtEveryService() throws IOException {
        Suite suite = SystemSuite.get();
        String gw = SystemSuite.gateway();
        String gwBase = SystemSuite.url(Service.GATEWAY);
        String articles = suite.baseUrl(Service.ARTICLES);
        String entities = suite.baseUrl(Service.ENTITIES);
        String key = SystemSuite.editor();
        String relay = SystemSuite.relay();
        var issuer = SystemSuite.tokens();

        // ---- auth: every broken or insufficient token on every write, through the gateway and at each service
        Map<String, String> tokens = new LinkedHashMap<>();
        issuer.invalid("editor").forEach((what, token) -> tokens.put("editor token, " + what, "Bearer " + token));
        tokens.put("editor token, alg none", "Bearer " + unsigned(io.newsgraph.launcher.LocalKeys.ISSUER, io.newsgraph.launcher.LocalKeys.AUDIENCE));
        tokens.put("editor token, HS256 keyed with the public key", "Bearer " + hs256WithPublicKey(issuer.publicKeyPem(),
                io.newsgraph.launcher.LocalKeys.ISSUER, io.newsgraph.launcher.LocalKeys.AUDIENCE));
        tokens.put("reader token", "Bearer " + issuer.token("reader"));
        tokens.put("token without a role", "Bearer " + issuer.token());
        tokens.put("Basic credentials", "Basic " + java.util.Base64.getEncoder().encodeToString("editor:editor".getBytes(StandardCharsets.UTF_8)));
        tokens.put("bearer without a token", "Bearer ");
        String ingest = "mutation($i: ArticleInput!) { ingestArticle(input: $i) { article { id } } }";
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            String a = t.getValue();
            String n = "auth, " + t.getKey() + ": ";
            String refused = t.getKey().equals("reader token") || t.getKey().equals("token without a role") ? "FORBIDDEN" : "UNAUTHENTICATED";
            graphql(n + "gateway ingestArticle", refused, post(gw, "application/json", ingestBody(ingest), "Authorization", a));
            graphql(n + "gateway deleteArticle", refused, gql(gw, "mutation { deleteArticle(id: \"" + UUID.randomUUID() + "\", version: 1) { id } }", "Authorization", a));
            graphql(n + "articles-service ingestArticle", refused, post(articles + "/graphql", "application/json", ingestBody(ingest), "Authorization", a));
            rest(n + "POST /articles", refused, post(articles + "/articles", "application/json", json("body", "text", "externalId", "bad-input-" + UUID.randomUUID()), "Authorization", a));
            rest(n + "PUT /articles/{id}", refused, put(articles + "/articles/" + UUID.randomUUID(), "application/json", "{\"body\": \"x\"}", "Authorization", a, "If-Match", "\"1\""));
            rest(n + "DELETE /articles/{id}", refused, delete(articles + "/articles/" + UUID.randomUUID() + "?version=1", "Authorization", a));
            rest(n + "POST /articles/bulk", refused, post(articles + "/articles/bulk", "application/x-ndjson", json("body", "x", "externalId", "bad-input-" + UUID.randomUUID()) + "\n", "Authorization", a));
            rest(n + "POST /extract", refused, post(entities + "/extract", "text/plain", "Angela Merkel visited Paris.", "Authorization", a));
            rest(n + "PUT /extractions/{id}", refused, put(entities + "/extractions/" + UUID.randomUUID(), "application/json", "{\"version\":1,\"body\":\"x\"}", "Authorization", a));
        }
        rest("auth: an editor's token on PUT /extractions/{id}", "FORBIDDEN", put(entities + "/extractions/" + UUID.randomUUID(), "application/json", "{\"version\":1,\"body\":\"x\"}", "Authorization", key));
        rest("auth: the relay's token on POST /articles", Expect.ERROR, post(articles + "/articles", "application/json", json("body", "text"), "Authorization", relay));
        graphql("auth: the relay's token on the gateway's mutation", Expect.ERROR, post(gw, "application/json", ingestBody(ingest), "Authorization", relay));
        graphql("auth: two Authorization headers", Expect.CLEAN, builder(gw, "Authorization", key, "Authorization", "Bearer nope").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ingestBody(ingest))).build());

        // ---- cost bombs straight at each subgraph (refused there too, not only by the gateway)
        String ent = entities + "/graphql";
        String art = articles + "/graphql";
        graphql("entities: fan-out bomb 14 levels", "MAX_DEPTH_EXCEEDED", gql(ent, HostileQueriesIT.fanOut("1", 14)));
        graphql("entities: fan-out bomb 4 levels", "COST_ESTIMATED_TOO_EXPENSIVE", gql(ent, HostileQueriesIT.fanOut("1", 4)));
        graphql("entities: fragment reuse bomb", Expect.ERROR, gql(ent, HostileQueriesIT.fragmentReuse("1", 8)));
        graphql("entities: fragment reuse bomb, 3 levels", Expect.ERROR, gql(ent, HostileQueriesIT.fragmentReuse("1", 3)));
        graphql("entities: page of 1000", "MAX_PAGE_SIZE_EXCEEDED", gql(ent, "{ entities(first: 1000) { edges { cursor } } }"));
        graphql("entities: 1001 representations", "MAX_REPRESENTATIONS_EXCEEDED", post(ent, "application/json", representations("Entity", 1001)));
        graphql("entities: aliased wide lists, within its cost limit", Expect.CLEAN, gql(ent, "{ " + wide("entities(first: 100) { edges { node { related(first: 100) { entity { id } } } } }", 5) + " }"));
        graphql("articles: pages of every field under 80 aliases", "COST_ESTIMATED_TOO_EXPENSIVE", gql(art, "{ "
                + wide("articles(first: 100) { edges { node { id title body lede keyPoints sections { heading paragraphs } } } }", 80) + " }"));
        graphql("articles: fragment of every field in 80 pages", Expect.ERROR, gql(art, "{ " + wide("articles(first: 100) { edges { node { ...All } } }", 80)
                + " } fragment All on Article { id title body lede keyPoints sections { heading paragraphs } sources { text url } }"));
        graphql("articles: page of 1000", "MAX_PAGE_SIZE_EXCEEDED", gql(art, "{ articles(first: 1000) { edges { node { id } } } }"));
        graphql("articles: 1001 representations", "MAX_REPRESENTATIONS_EXCEEDED", post(art, "application/json", representations("Article", 1001)));
        graphql("articles: introspection 14 levels deep", "MAX_DEPTH_EXCEEDED", gql(art, "{ __schema { types { fields { type { " + "ofType { ".repeat(12) + "name" + " }".repeat(12) + " } } } } }"));
        graphql("gateway: fragment reuse bomb through search", Expect.ERROR, gql(gw, "{ searchEntities(query: \"a\") { ...F0 } }\n"
                + HostileQueriesIT.fragmentReuse("1", 4).substring(HostileQueriesIT.fragmentReuse("1", 4).indexOf('\n') + 1)));

        // ---- CORS: refused origins and what they ask for
        String own = gwBase;
        int port = URI.create(gwBase).getPort();
        for (String origin : new String[] {"http://127.0.0.1:" + (port + 1), "https://127.0.0.1:" + port, "http://localhost:" + port,
                own + ".evil.example", "http://127.0.0.1:" + port + "@evil.example"}) {
            graphql("gateway: CORS preflight from " + origin.replace(String.valueOf(port), "PORT"), Expect.DENIED, builder(gw, "Origin", origin, "Access-Control-Request-Method", "POST",
                    "Access-Control-Request-Headers", "content-type,authorization").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        }
        graphql("gateway: CORS preflight for DELETE from a refused origin", Expect.DENIED, builder(gw, "Origin", "https://evil.example", "Access-Control-Request-Method", "DELETE")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        graphql("gateway: CORS preflight for the CSRF header from a refused origin", Expect.DENIED, builder(gw, "Origin", "https://evil.example",
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "apollo-require-preflight").method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build());
        graphql("gateway: CORS GET with the CSRF header from a refused origin", Expect.DENIED, get(gw + "?query=" + enc("{ __typename }"),
                "Origin", "https://evil.example", "apollo-require-preflight", "1"));
        graphql("gateway: CORS mutation from a refused origin with an editor token", Expect.DENIED, post(gw, "application/json", ingestBody(ingest),
                "Origin", "https://evil.example", "Authorization", key));

        // ---- CSRF: more of what a browser sends cross-site without a preflight
        String typename = "{\"query\": \"{ __typename }\"}";
        graphql("gateway: CSRF, text/plain mutation with an editor token", "CSRF_ERROR", post(gw, "text/plain", ingestBody(ingest), "Authorization", key));
        graphql("gateway: CSRF, multipart mutation", "CSRF_ERROR", post(gw, "multipart/form-data; boundary=XX",
                "--XX\r\nContent-Disposition: form-data; name=\"operations\"\r\n\r\n" + ingestBody(ingest) + "\r\n--XX--\r\n", "Authorization", key));
        graphql("gateway: CSRF, Content-Type without a subtype", Expect.ERROR, post(gw, "json", typename));
        graphql("gateway: CSRF, GET with a blank x-apollo-operation-name", Expect.ERROR, get(gw + "?query=" + enc("{ __typename }"), "x-apollo-operation-name", ""));
        graphql("gateway: mutation over GET with the CSRF header", Expect.ERROR, get(gw + "?query=" + enc("mutation { deleteArticle(id: \"x\", version: 1) { id } }"),
                "apollo-require-preflight", "1", "Authorization", key));

        // ---- content encodings: never inflated, anywhere
        byte[] article = json("body", "compressed text", "externalId", "bad-input-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        byte[] query = typename.getBytes(StandardCharsets.UTF_8);
        byte[] brotli = {0x0b, 0x02, (byte) 0x80};
        graphql("gateway: Content-Encoding in capitals", Expect.ERROR, postBytes(gw, "application/json", gzip(query), "Content-Encoding", "GZIP"));
        graphql("gateway: plain JSON labelled gzip", Expect.ERROR, postBytes(gw, "application/json", query, "Content-Encoding", "gzip"));
        for (String[] endpoint : new String[][] {{"articles", art}, {"entities", ent}}) {
            graphql(endpoint[0] + ": gzip-compressed GraphQL", Expect.ERROR, postBytes(endpoint[1], "application/json", gzip(query), "Content-Encoding", "gzip"));
            graphql(endpoint[0] + ": deflate-compressed GraphQL", Expect.ERROR, postBytes(endpoint[1], "application/json", deflate(query), "Content-Encoding", "deflate"));
            graphql(endpoint[0] + ": brotli GraphQL", Expect.ERROR, postBytes(endpoint[1], "application/json", brotli, "Content-Encoding", "br"));
            graphql(endpoint[0] + ": gzip bomb", Expect.ERROR, postBytes(endpoint[1], "application/json", gzip(new byte[4 * 1024 * 1024]), "Content-Encoding", "gzip"));
        }
        rest("articles: gzip-compressed article", Expect.ERROR, postBytes(articles + "/articles", "application/json", gzip(article), "Content-Encoding", "gzip", "Authorization", key));
        rest("articles: deflate-compressed article", Expect.ERROR, postBytes(articles + "/articles", "application/json", deflate(article), "Content-Encoding", "deflate", "Authorization", key));
        rest("articles: brotli article", Expect.ERROR, postBytes(articles + "/articles", "application/json", brotli, "Content-Encoding", "br", "Authorization", key));
        rest("articles: gzip bulk (each line refused)", Expect.CLEAN, postBytes(articles + "/articles/bulk", "application/x-ndjson", gzip(article), "Content-Encoding", "gzip", "Authorization", key));
        rest("entities: gzip-compressed extract", Expect.CLEAN, postBytes(entities + "/extract", "text/plain", gzip("Angela Merkel visited Paris.".getBytes(StandardCharsets.UTF_8)),
                "Content-Encoding", "gzip", "Authorization", key));

        // ---- oversized headers and URLs, read while sending (so a 431 is never lost), at every service
        String big = "a".repeat(64 * 1024);
        for (String[] endpoint : new String[][] {{"gateway", gwBase}, {"articles", articles}, {"entities", entities}}) {
            String host = URI.create(endpoint[1]).getAuthority();
            String head = "POST /graphql HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json";
            raw(endpoint[0] + ": 64 KiB header, read while sending", Expect.DENIED, true, endpoint[1], RawHttp.request(head + "\r\nX-Big: " + big, query));
            raw(endpoint[0] + ": 64 KiB bearer token, read while sending", Expect.DENIED, true, endpoint[1], RawHttp.request(head + "\r\nAuthorization: Bearer " + big, query));
            raw(endpoint[0] + ": 64 KiB cookie, read while sending", Expect.DENIED, true, endpoint[1], RawHttp.request(head + "\r\nCookie: c=" + big, query));
            StringBuilder many = new StringBuilder(head);
            for (int i = 0; i < 2000; i++) {
                many.append("\r\nX-H").append(i).append(": ").append("v".repeat(20));
            }
            raw(endpoint[0] + ": 2000 headers, read while sending", Expect.DENIED, true, endpoint[1], RawHttp.request(many.toString(), query));
            raw(endpoint[0] + ": 100 KiB URL, read while sending", Expect.DENIED, true, endpoint[1],
                    RawHttp.request("GET /graphql?query=" + "a".repeat(100 * 1024) + " HTTP/1.1\r\nHost: " + host + "\r\napollo-require-preflight: 1", null));
            raw(endpoint[0] + ": 64 KiB header on an h2c upgrade", Expect.DENIED, true, endpoint[1], RawHttp.request(head
                    + "\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQAAP__\r\nConnection: Upgrade, HTTP2-Settings\r\nX-Big: " + big, query));
            cases.add(new Case(endpoint[0] + ": 64 KiB header over HTTP/2, then a normal request on the connection", Expect.DENIED, true, null,
                    () -> http2(endpoint[1]), digest(("H2 " + endpoint[1]).getBytes(StandardCharsets.UTF_8), big.getBytes(StandardCharsets.UTF_8))));
        }
        raw("gateway: request line of 64 KiB method", Expect.DENIED, true, gwBase, RawHttp.request("A".repeat(64 * 1024) + " /graphql HTTP/1.1\r\nHost: x", null));
        raw("gateway: Content-Length and chunked at once", Expect.DENIED, true, gwBase, ("POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));

        // ---- Unicode edge cases at the services' own inputs
        String editorJson = "application/json";
        String x = "bad-input-" + UUID.randomUUID();
        rest("articles: NUL in the body", Expect.CLEAN, post(articles + "/articles", editorJson, "{\"body\": \"a\\u0000b\", \"externalId\": \"" + x + "-nul\"}", "Authorization", key));
        rest("articles: NUL in the title", Expect.CLEAN, post(articles + "/articles", editorJson, "{\"title\": \"t\\u0000\", \"body\": \"text\"}", "Authorization", key));
        rest("articles: NUL in the externalId", Expect.CLEAN, post(articles + "/articles", editorJson, "{\"body\": \"text\", \"externalId\": \"e\\u0000\"}", "Authorization", key));
        rest("articles: NUL in plain text", Expect.CLEAN, postBytes(articles + "/articles", "text/plain", new byte[] {'T', 0, 'x', '\n', '\n', 'b', 0, 'y'}, "Authorization", key));
        rest("articles: lone high surrogate in the body", Expect.CLEAN, post(articles + "/articles", editorJson, "{\"body\": \"a\\ud800b\"}", "Authorization", key));
        rest("articles: lone low surrogate in the title", Expect.CLEAN, post(articles + "/articles", editorJson, "{\"title\": \"\\udc00\", \"body\": \"text\"}", "Authorization", key));
        rest("articles: right-to-left override and zero-width characters", Expect.CLEAN, post(articles + "/articles", editorJson,
                json("title", "\u202Egnp.exe\u200B\u200D\uFEFF", "body", "\u202E\u2066text\u2069\u200B"), "Authorization", key));
        rest("articles: emoji externalId and title", Expect.CLEAN, post(articles + "/articles", editorJson,
                json("externalId", x + "-\uD83D\uDE00", "title", "\uD83D\uDCF0\uD83C\uDDEF\uD83C\uDDF5", "body", "\uD834\uDD1E text"), "Authorization", key));
        rest("articles: overlong UTF-8 in plain text", Expect.ERROR, postBytes(articles + "/articles", "text/plain", new byte[] {'a', (byte) 0xC0, (byte) 0xAF}, "Authorization", key));
        rest("articles: UTF-8 encoded surrogate in JSON", Expect.ERROR, postBytes(articles + "/articles", editorJson,
                concat("{\"body\": \"", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "\"}"), "Authorization", key));
        rest("articles: UTF-8 BOM before JSON", Expect.CLEAN, postBytes(articles + "/articles", editorJson,
                concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, json("body", "after a BOM")), "Authorization", key));
        rest("articles: UTF-8 BOM before plain text", Expect.CLEAN, postBytes(articles + "/articles", "text/plain",
                concat("", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "Title\n\nbody after a BOM"), "Authorization", key));
        rest("articles: NUL in a search", Expect.CLEAN, get(articles + "/articles/search?q=%00"));
        rest("articles: emoji search", Expect.CLEAN, get(articles + "/articles/search?q=" + enc("\uD83D\uDE00 news")));
        rest("articles: invalid UTF-8 in a search", Expect.CLEAN, get(articles + "/articles/search?q=%ED%A0%80%C0%AF"));
        rest("articles: emoji id", Expect.ERROR, get(articles + "/articles/" + enc("\uD83D\uDE00")));
        rest("articles: NUL id", Expect.ERROR, get(articles + "/articles/%00"));
        rest("articles: NUL in a cursor", Expect.ERROR, get(articles + "/articles?after=%00"));
        rest("articles: NUL in a source filter", Expect.CLEAN, get(articles + "/articles?source=%00"));
        rest("entities: NUL in extract text", Expect.CLEAN, post(entities + "/extract", editorJson, "{\"text\": \"Angela\\u0000 Merkel visited Paris.\"}", "Authorization", key));
        rest("entities: lone surrogate in extract text", Expect.CLEAN, post(entities + "/extract", editorJson, "{\"text\": \"Angela \\ud800Merkel\"}", "Authorization", key));
        rest("entities: emoji and RTL in extract text", Expect.CLEAN, post(entities + "/extract", "text/plain", "\u202EAngela Merkel \uD83D\uDE00 visited Paris.", "Authorization", key));
        rest("entities: overlong UTF-8 in extract text", Expect.ERROR, postBytes(entities + "/extract", "text/plain", new byte[] {'A', (byte) 0xC0, (byte) 0x80}, "Authorization", key));
        graphql("entities: emoji entity search", Expect.CLEAN, gql(ent, "{ searchEntities(query: \"\uD83D\uDE00\") { id } }"));
        graphql("entities: NUL in an entity search", Expect.CLEAN, post(ent, editorJson, "{\"query\": \"query($q: String!) { searchEntities(query: $q) { id } }\", \"variables\": {\"q\": \"\\u0000\"}}"));
        graphql("entities: NUL in an entity id", Expect.CLEAN, post(ent, editorJson, "{\"query\": \"query($id: ID!) { entity(id: $id) { id } }\", \"variables\": {\"id\": \"1\\u0000\"}}"));
        graphql("entities: lone surrogate in an entity id", Expect.CLEAN, post(ent, editorJson, "{\"query\": \"query($id: ID!) { entity(id: $id) { id } }\", \"variables\": {\"id\": \"\\ud800\"}}"));
        graphql("articles: NUL in an article id", Expect.CLEAN, post(art, editorJson, "{\"query\": \"query($id: ID!) { article(id: $id) { id } }\", \"variables\": {\"id\": \"\\u0000\"}}"));
        graphql("articles GraphQL: NUL in a search", Expect.CLEAN, post(art, editorJson, "{\"query\": \"query($q: String!) { searchArticles(query: $q) { edges { node { id } } } }\", \"variables\": {\"q\": \"a\\u0000\"}}"));
        graphql("articles: NUL in the mutation's body", Expect.CLEAN, post(art, editorJson, "{\"query\": \"" + ingest.replace("\"", "\\\"")
                + "\", \"variables\": {\"i\": {\"body\": \"nul \\u0000 here\", \"externalId\": \"" + x + "-gql-nul\"}}}", "Authorization", key));
        graphql("gateway: NUL in the mutation's title", Expect.CLEAN, post(gw, editorJson, "{\"query\": \"" + ingest.replace("\"", "\\\"")
                + "\", \"variables\": {\"i\": {\"title\": \"\\u0000\", \"body\": \"text\", \"externalId\": \"" + x + "-gw-nul\"}}}", "Authorization", key));
        graphql("gateway: lone surrogate in the mutation's body", Expect.CLEAN, post(gw, editorJson, "{\"query\": \"" + ingest.replace("\"", "\\\"")
                + "\", \"variables\": {\"i\": {\"body\": \"\\udbff\", \"externalId\": \"" + x + "-gw-surrogate\"}}}", "Authorization", key));
        graphql("gateway: emoji article id", Expect.CLEAN, gql(gw, "{ article(id: \"\uD83D\uDE00\") { id } }"));
        graphql("gateway: emoji entity id", Expect.CLEAN, gql(gw, "{ entity(id: \"\uD83D\uDE00\") { id } }"));

        // ---- numbers out of range
        rest("articles: version past Long on delete", Expect.ERROR, delete(articles + "/articles/" + UUID.randomUUID() + "?version=99999999999999999999", "Authorization", key));
        rest("articles: If-Match past Long", Expect.ERROR, put(articles + "/articles/" + UUID.randomUUID(), editorJson, "{\"body\": \"x\"}", "Authorization", key, "If-Match", "\"99999999999999999999\""));
        rest("articles: If-Match not a number", Expect.ERROR, put(articles + "/articles/" + UUID.randomUUID(), editorJson, "{\"body\": \"x\"}", "Authorization", key, "If-Match", "\"one\""));
        rest("articles: year +999999999", Expect.CLEAN, post(articles + "/articles", editorJson, json("body", "far future", "publishedAt", "+999999999-12-31T23:59:59Z"), "Authorization", key));
        rest("articles: year -999999999", Expect.CLEAN, post(articles + "/articles", editorJson, json("body", "far past", "publishedAt", "-999999999-01-01T00:00:00Z"), "Authorization", key));
        rest("articles: year 300000 filter", Expect.CLEAN, get(articles + "/articles?publishedFrom=" + enc("+300000-01-01T00:00:00Z")));
        rest("articles: first as a float", Expect.ERROR, get(articles + "/articles?first=1.5"));
        rest("entities: version past Long in a delivery", Expect.ERROR, put(entities + "/extractions/a1", editorJson, "{\"articleId\":\"a1\",\"version\":9223372036854775808,\"body\":\"x\"}", "Authorization", relay));
        rest("entities: year +999999999 in extract", Expect.CLEAN, post(entities + "/extract", editorJson, "{\"text\":\"Berlin\",\"publishedAt\":\"+999999999-12-31T23:59:59Z\"}", "Authorization", key));
        graphql("gateway: Int literal past 2^31", Expect.ERROR, gql(gw, "mutation { deleteArticle(id: \"" + UUID.randomUUID() + "\", version: 2147483648) { id } }", "Authorization", key));
        graphql("gateway: float for an Int", Expect.ERROR, gql(gw, "{ articles(first: 1.5) { edges { node { id } } } }"));
        graphql("gateway: Float literal past double", Expect.CLEAN, gql(gw, "{ articles(first: 1) { edges { node { entities(minSalience: 1e400) { salience } } } } }"));
        graphql("gateway: NaN variable", Expect.ERROR, post(gw, editorJson, "{\"query\": \"query($n: Int) { articles(first: $n) { edges { node { id } } } }\", \"variables\": {\"n\": NaN}}"));
        graphql("articles: Int variable past 2^31", Expect.ERROR, post(art, editorJson, "{\"query\": \"query($n: Int) { articles(first: $n) { edges { node { id } } } }\", \"variables\": {\"n\": 2147483648}}"));
        graphql("entities: Int variable 1e400", Expect.ERROR, post(ent, editorJson, "{\"query\": \"query($n: Int) { entities(first: $n) { edges { cursor } } }\", \"variables\": {\"n\": 1e400}}"));
        graphql("entities: Float variable past double", Expect.CLEAN, post(ent, editorJson, "{\"query\": \"query($id: ID!, $s: Float) { _entities(representations: [{__typename: \\\"Article\\\", id: $id}]) "
                + "{ ... on Article { entities(minSalience: $s) { salience } } } }\", \"variables\": {\"id\": \"x\", \"s\": -1e400}}"));

        // ---- deep and huge JSON at the services
        String deepArray = "[".repeat(100_000) + "]".repeat(100_000);
        for (String[] endpoint : new String[][] {{"articles", art}, {"entities", ent}}) {
            graphql(endpoint[0] + ": variables nested 100000 deep", Expect.ERROR, post(endpoint[1], editorJson, "{\"query\": \"{ __typename }\", \"variables\": {\"a\": " + deepArray + "}}"));
            graphql(endpoint[0] + ": variables nested 5000 objects deep", Expect.ERROR, post(endpoint[1], editorJson, "{\"query\": \"{ __typename }\", \"variables\": "
                    + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}"));
            StringBuilder keys = new StringBuilder("{\"query\": \"{ __typename }\", \"variables\": {");
            for (int i = 0; i < 40_000; i++) {
                keys.append(i == 0 ? "" : ",").append("\"v").append(i).append("\": ").append(i);
            }
            graphql(endpoint[0] + ": 40000 unused variables", Expect.CLEAN, post(endpoint[1], editorJson, keys.append("}}").toString()));
            graphql(endpoint[0] + ": 1 MB string variable", Expect.CLEAN, post(endpoint[1], editorJson, "{\"query\": \"query($q: String) { __typename }\", \"variables\": {\"q\": \""
                    + "q".repeat(1024 * 1024) + "\"}}"));
            graphql(endpoint[0] + ": batched operations", Expect.CLEAN, post(endpoint[1], editorJson, "[" + typename + ", " + typename + "]"));
        }
        rest("articles: JSON nested 100000 deep", Expect.ERROR, post(articles + "/articles", editorJson, "{\"body\": " + deepArray + "}", "Authorization", key));
        rest("articles: bulk line nested 5000 deep", Expect.CLEAN, post(articles + "/articles/bulk", "application/x-ndjson", "{\"body\":".repeat(5000) + "1" + "}".repeat(5000) + "\n", "Authorization", key));
        rest("entities: extract JSON nested 100000 deep", Expect.ERROR, post(entities + "/extract", editorJson, "{\"text\": " + deepArray + "}", "Authorization", key));
        rest("entities: delivery JSON nested 100000 deep", Expect.ERROR, put(entities + "/extractions/a1", editorJson, "{\"body\": " + deepArray + "}", "Authorization", relay));
        graphql("gateway: batched operations", Expect.ERROR, post(gw, editorJson, "[" + typename + ", " + typename + "]"));
        graphql("gateway: 1000 batched mutations", Expect.ERROR, post(gw, editorJson, "[" + String.join(",", java.util.Collections.nCopies(1000, ingestBody(ingest))) + "]", "Authorization", key));
        graphql("gateway: 1 MB string variable", Expect.ERROR, post(gw, editorJson, "{\"query\": \"query($q: String!) { searchArticles(query: $q) { edges { node { id } } } }\", \"variables\": {\"q\": \""
                + "q".repeat(1024 * 1024) + "\"}}"));

        verify(suite, List.of(Service.values()), 100);
    }

    /** An operation document and variables for ingestArticle with a fresh externalId. */
    private static String ingestBody(String mutation) {
        return "{\"query\": \"" + mutation.replace("\"", "\\\"") + "\", \"variables\": {\"i\": " + json("body", "text", "externalId", "bad-input-" + UUID.randomUUID()) + "}}";
    }

    private static String representations(String type, int n) {
        StringBuilder sb = new StringBuilder("{\"query\": \"query($r: [_Any!]!) { _entities(representations: $r) { ... on " + type + " { id } } }\", \"variables\": {\"r\": [");
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"__typename\": \"").append(type).append("\", \"id\": \"")
                    .append(type.equals("Article") ? "00000000-0000-0000-0000-" + String.format("%012d", i) : String.valueOf(i)).append("\"}");
        }
        return sb.append("]}}").toString();
    }

    /** The oversized header on stream 1; whatever its answer, stream 3 of the same connection must then be answered. */
    private static Http.Response http2(String base) {
        RawH2.Exchange e;
        try {
            e = RawH2.oversizedThenNormal(base + "/graphql?query=" + enc("{ __typename }"),
                    Map.of("apollo-require-preflight", "1", "x-big", "a".repeat(64 * 1024)), Map.of("apollo-require-preflight", "1"));
        } catch (java.io.UncheckedIOException closed) {
            // The server sent its GOAWAY and closed before the second request was written (a broken pipe or a
            // reset): a refusal by closing, as below; what matters is that it still answers.
            if (Http.get(base + "/q/health/ready").status() != 200) {
                throw new IllegalStateException("the server stopped answering after the refusal", closed);
            }
            return new Http.Response(400, "connection closed by the server, which still answers", "");
        }
        System.out.println("[bad-input] HTTP/2 at " + base + ": " + e.first() + "; then " + e.second() + "; GOAWAY " + e.goAwayCode() + "; frames " + e.frames());
        if (e.second() != null) {
            if (e.second().status() != 200) {
                throw new IllegalStateException("the connection did not answer a normal request after the refusal: " + e.second());
            }
            return new Http.Response(e.first().status() > 0 ? e.first().status() : 400, e.first().toString(), "");
        }
        // Netty refuses the header block by closing the connection (GOAWAY): it must not leave the server wedged
        if (e.goAwayCode() == null || Http.get(base + "/q/health/ready").status() != 200) {
            throw new IllegalStateException("neither an answer nor a GOAWAY, or the server stopped answering: " + e.frames());
        }
        return new Http.Response(400, "GOAWAY error " + e.goAwayCode() + ", the server still answering", "");
    }

    /** A JWT claiming role editor with {@code alg: none} and no signature. */
    private static String unsigned(String iss, String aud) {
        return b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(claims(iss, aud)) + ".";
    }

    /** The algorithm-confusion forgery: HS256, keyed with the issuer's public key as if it were a shared secret. */
    private static String hs256WithPublicKey(String publicKeyPem, String iss, String aud) {
        String signed = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + b64(claims(iss, aud));
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(publicKeyPem.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signed + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String claims(String iss, String aud) {
        long now = System.currentTimeMillis() / 1000;
        return "{\"iss\":\"" + iss + "\",\"aud\":\"" + aud + "\",\"sub\":\"mallory\",\"upn\":\"mallory\",\"groups\":[\"editor\"],\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
    }

    private static String b64(String s) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private void graphqlBattery(String name, String url) {
        // the subgraphs' REST cases carry the service's name alone
        String label = name.equals("gateway") ? name : name + " GraphQL";
        String field = name.equals("entities") ? "entities(first: 1) { edges { node { id } } }" : "articles(first: 1) { edges { node { id } } }";
        graphql(label + ": malformed JSON", Expect.ERROR, post(url, "application/json", "{\"query\": \"{ __typename \""));
        graphql(label + ": no query", Expect.ERROR, post(url, "application/json", "{\"variables\": {}}"));
        graphql(label + ": query not a string", Expect.ERROR, post(url, "application/json", "{\"query\": 42}"));
        graphql(label + ": syntax error", Expect.ERROR, gql(url, "{ " + field.replace("}", "")));
        graphql(label + ": unknown field", Expect.ERROR, gql(url, "{ noSuchField }"));
        graphql(label + ": wrong argument type", Expect.ERROR, gql(url, "{ " + field.replace("first: 1", "first: \"ten\"") + " }"));
        graphql(label + ": huge first", Expect.ERROR, gql(url, "{ " + field.replace("first: 1", "first: 2147483647") + " }"));
        graphql(label + ": negative first", Expect.ERROR, gql(url, "{ " + field.replace("first: 1", "first: -5") + " }"));
        graphql(label + ": garbage cursor", Expect.ERROR, gql(url, "{ " + field.replace("first: 1", "first: 1, after: \"%%garbage\"") + " }"));
        graphql(label + ": wrong variable type", Expect.ERROR, post(url, "application/json",
                "{\"query\": \"query($n: Int) { " + field.replace("first: 1", "first: $n").replace("\"", "\\\"") + " }\", \"variables\": {\"n\": \"many\"}}"));
        // The gateway is the public edge and must refuse these; a subgraph, reached only through it, may answer
        // them, but must answer (no 5xx, no hang).
        Expect limit = name.equals("gateway") ? Expect.ERROR : Expect.CLEAN;
        graphql(label + ": alias bomb", limit, gql(url, "{ " + aliases(5000) + " }"));
        graphql(label + ": wide query", limit, gql(url, "{ " + wide(field, 300) + " }"));
        graphql(label + ": fragment bomb", limit, gql(url, fragmentBomb()));
        graphql(label + ": fragment cycle", Expect.ERROR, gql(url, "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"));
        graphql(label + ": 2 MB document", limit, gql(url, "{ __typename " + "# padding\n".repeat(200_000) + "}"));
        graphql(label + ": invalid UTF-8", Expect.ERROR, postBytes(url, "application/json", concat("{\"query\": \"{ __typename ", new byte[] {(byte) 0xC3, 0x28}, " }\"}")));
        graphql(label + ": unknown operation name", Expect.ERROR, post(url, "application/json", "{\"query\": \"query A { __typename }\", \"operationName\": \"B\"}"));
        graphql(label + ": two anonymous operations", Expect.ERROR, gql(url, "{ __typename } { __typename }"));
    }

    /** Sends every case, then checks that nothing crashed and every answer was clear. */
    private void verify(Suite suite, List<Service> services, int atLeast) {
        for (Case c : cases) {
            check(c);
        }
        System.out.println("[bad-input] " + cases.size() + " bad requests, " + failures.size() + " unclear answers");
        for (Service s : services) {
            assertTrue(suite.process(s).isAlive(), s.module() + " is still running");
            assertEquals(200, Http.get(suite.baseUrl(s) + "/q/health/ready").status(), s.module() + " is still ready");
        }
        // The hostile text reached no SQL: the tables are all there.
        assertTrue(Db.count(Service.ARTICLES, "SELECT count(*) FROM article") >= 0);
        assertTrue(Db.count(Service.ENTITIES, "SELECT count(*) FROM entity") >= 0);
        assertTrue(cases.size() >= atLeast, "at least " + atLeast + " kinds of bad input: " + cases.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases.size() + " bad requests got no clear error:\n  " + String.join("\n  ", failures));
        }
    }

    private void check(Case c) {
        String sameName = RAN.putIfAbsent(c.name(), c.fingerprint());
        String sameRequest = BY_REQUEST.putIfAbsent(c.fingerprint(), c.name());
        if (sameName != null) {
            failures.add(c.name() + ": a second case of that name");
            return;
        }
        if (sameRequest != null) {
            failures.add(c.name() + ": the same request as \"" + sameRequest + "\"");
            return;
        }
        int before = failures.size();
        checkOne(c);
        if (failures.size() > before && KNOWN_DEFECTS.containsKey(c.name()) && failures.getLast().contains(": no answer (")) {
            System.out.println("[bad-input] known defect, reported: " + failures.removeLast());
        }
        if (failures.size() > before && KNOWN_FAULTS.containsKey(c.name()) && failures.getLast().contains(": HTTP 500 ")) {
            System.out.println("[bad-input] KNOWN FAULT, still open (" + KNOWN_FAULTS.get(c.name()) + "): " + failures.removeLast());
        }
    }

    private void checkOne(Case c) {
        Http.Response r;
        try {
            r = c.raw() != null ? c.raw().get() : Http.send(c.request());
        } catch (RuntimeException e) {
            failures.add(c.name() + ": no answer (" + e.getMessage() + ")");
            return;
        }
        if (r.status() >= 500) {
            failures.add(c.name() + ": " + r);
            return;
        }
        if (c.graphql() && r.isJson()) {
            for (JsonNode e : r.json().path("errors")) {
                if (FAULTS.contains(e.at("/extensions/code").asText())) {
                    failures.add(c.name() + ": a server fault in a 200 answer (" + r + ")");
                    return;
                }
            }
        }
        if (c.name().startsWith("gateway") && INTERNALS.matcher(r.body()).find()) {
            failures.add(c.name() + ": internals in the answer (" + r + ")");
            return;
        }
        if (c.expect() == Expect.DENIED) {
            if (r.status() / 100 != 4) {
                failures.add(c.name() + ": status " + r.status() + " is not a client error (" + r + ")");
            }
            return;
        }
        boolean success = r.status() / 100 == 2 && (!c.graphql() || !hasErrors(r));
        if (r.status() / 100 == 2 && c.expect() == Expect.CLEAN && r.body() != null) {
            Matcher m = UUID_TEXT.matcher(r.body());
            while (m.find()) {
                CREATED.add(m.group());
            }
        }
        if (success) {
            if (c.expect() == Expect.ERROR) {
                failures.add(c.name() + ": accepted (" + r + ")");
            }
            return;
        }
        String problem = c.graphql() ? graphqlError(r, c.name().startsWith("gateway")) : restError(r);
        if (problem != null) {
            failures.add(c.name() + ": " + problem + " (" + r + ")");
            return;
        }
        if (c.code() != null) {
            String code = c.graphql() ? r.json().at("/errors/0/extensions/code").asText() : r.json().path("code").asText();
            if (!c.code().equals(code)) {
                failures.add(c.name() + ": code " + code + ", not " + c.code() + " (" + r + ")");
            }
        }
    }

    private static boolean hasErrors(Http.Response r) {
        return r.isJson() && r.json().has("errors") && !r.json().get("errors").isEmpty();
    }

    private static String restError(Http.Response r) {
        if (r.status() / 100 != 4) {
            return "status " + r.status() + " is not a client error";
        }
        if (!r.isJson()) {
            return "body is not JSON";
        }
        JsonNode j = r.json();
        if (j.path("code").asText("").isBlank() || j.path("message").asText("").isBlank()) {
            return "no code and message";
        }
        return null;
    }

    /**
     * A GraphQL error needs a message and {@code extensions.code} at the gateway, the public edge; a subgraph, which
     * only the gateway calls, may classify its protocol errors instead ({@code extensions.classification}).
     */
    private static String graphqlError(Http.Response r, boolean edge) {
        if (!r.isJson()) {
            return "body is not JSON";
        }
        JsonNode errors = r.json().path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return "no errors[]";
        }
        for (JsonNode e : errors) {
            JsonNode ext = e.path("extensions");
            boolean coded = !ext.path("code").asText("").isBlank() || !edge && !ext.path("classification").asText("").isBlank();
            if (e.path("message").asText("").isBlank() || !coded) {
                return "an error without message or extensions.code";
            }
        }
        return null;
    }

    private void rest(String name, Expect expect, HttpRequest request) {
        cases.add(new Case(name, expect, false, request, null, fingerprint(request)));
    }

    private void graphql(String name, Expect expect, HttpRequest request) {
        cases.add(new Case(name, expect, true, request, null, fingerprint(request)));
    }

    /** A case that must be refused with this code (GraphQL: {@code errors[0].extensions.code}). */
    private void graphql(String name, String code, HttpRequest request) {
        cases.add(new Case(name, Expect.ERROR, true, request, null, fingerprint(request), code));
    }

    /** A case that must be refused with this code ({@code code} of the JSON answer). */
    private void rest(String name, String code, HttpRequest request) {
        cases.add(new Case(name, Expect.ERROR, false, request, null, fingerprint(request), code));
    }

    /** A case {@link RawHttp} sends: {@code bytes} as they are, to {@code url}'s host and port. */
    private void raw(String name, Expect expect, boolean graphql, String url, byte[] bytes) {
        URI u = URI.create(url);
        cases.add(new Case(name, expect, graphql, null, () -> RawHttp.send(url, bytes),
                digest(("RAW " + u.getHost() + ":" + u.getPort() + "\n").getBytes(StandardCharsets.UTF_8), bytes)));
    }

    /** Method, URI, version, headers and body of a request, digested. */
    static String fingerprint(HttpRequest r) {
        StringBuilder sb = new StringBuilder(r.method()).append(' ').append(r.uri()).append(' ').append(r.version().map(Object::toString).orElse("")).append('\n');
        new TreeMap<>(r.headers().map()).forEach((k, v) -> sb.append(k.toLowerCase(java.util.Locale.ROOT)).append(": ").append(v).append('\n'));
        byte[] body = r.bodyPublisher().map(BadInputIT::bytes).orElse(new byte[0]);
        return digest(sb.toString().getBytes(StandardCharsets.UTF_8), body);
    }

    private static byte[] bytes(HttpRequest.BodyPublisher publisher) {
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        publisher.subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer b) {
                byte[] a = new byte[b.remaining()];
                b.get(a);
                out.write(a, 0, a.length);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not read a request body", e);
        }
    }

    private static String digest(byte[] head, byte[] body) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(head);
            d.update(body);
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest http1(HttpRequest r) {
        return HttpRequest.newBuilder(r, (n, v) -> true).version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    }

    private static byte[] gzip(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static HttpRequest gql(String url, String query, String... headers) {
        return post(url, "application/json", json("query", query), headers);
    }

    private static HttpRequest get(String url, String... headers) {
        return builder(url, headers).GET().build();
    }

    private static HttpRequest delete(String url, String... headers) {
        return builder(url, headers).DELETE().build();
    }

    private static HttpRequest post(String url, String contentType, String body, String... headers) {
        return postBytes(url, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static HttpRequest postBytes(String url, String contentType, byte[] body, String... headers) {
        return builder(url, headers).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    private static HttpRequest put(String url, String contentType, String body, String... headers) {
        return builder(url, headers).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static HttpRequest.Builder builder(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Http.TIMEOUT);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static String json(String... kv) {
        var n = Http.JSON.createObjectNode();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            n.put(kv[i], kv[i + 1]);
        }
        return n.toString();
    }

    private static byte[] concat(String a, byte[] middle, String b) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + middle.length + y.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(middle, 0, out, x.length, middle.length);
        System.arraycopy(y, 0, out, x.length + middle.length, y.length);
        return out;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String aliases(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("a").append(i).append(": __typename ");
        }
        return sb.toString();
    }

    private static String wide(String field, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append("w").append(i).append(": ").append(field).append(' ');
        }
        return sb.toString();
    }

    /** Sixteen levels of fragments, each spreading the next twice: 2^16 copies of the leaf once expanded. */
    private static String fragmentBomb() {
        StringBuilder sb = new StringBuilder("query { ...F0 }\n");
        for (int i = 0; i < 16; i++) {
            sb.append("fragment F").append(i).append(" on Query { ...F").append(i + 1).append(" ...F").append(i + 1).append(" }\n");
        }
        sb.append("fragment F16 on Query { __typename a: __typename b: __typename }\n");
        return sb.toString();
    }

    /** entity → related → entity → related ..., {@code levels} deep. */
    private static String deep(int levels) {
        StringBuilder sb = new StringBuilder("{ entities(first: 1) { edges { node { ");
        for (int i = 0; i < levels; i++) {
            sb.append("related(first: 1) { edges { node { ");
        }
        sb.append("id");
        sb.append(" } } }".repeat(levels));
        sb.append(" } } } }");
        return sb.toString();
    }
}
