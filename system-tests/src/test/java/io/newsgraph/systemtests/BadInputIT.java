package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.launcher.Service;
import io.newsgraph.launcher.Suite;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Bad requests of many kinds at the gateway and at each service's REST and GraphQL APIs: no 5xx, no crash, and every
 * rejection a clear error (REST: {@code {"code", "message"}}; GraphQL: {@code errors[].message} and
 * {@code extensions.code}). Hostile text that is valid input (script, SQL) is either stored as text or refused
 * cleanly, and leaves every table in place.
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

    record Case(String name, Expect expect, boolean graphql, HttpRequest request) {
    }

    private static final String SQL = "'; DROP TABLE article; DROP TABLE entity; --";
    private static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    /**
     * Cases a service answers without a clear error today, each reported to its owner: they are printed on every run
     * but do not fail it. Remove an entry once the service answers clearly.
     */
    private static final java.util.Map<String, String> KNOWN_DEFECTS = java.util.Map.of(
            // Vert.x answers 431 and closes while the client is still sending the oversized header block; the unread
            // bytes make the kernel reset the connection, so the client may lose the 431. Only "no answer" is allowed.
            "gateway: 64 KiB header", "431 lost to a reset",
            "gateway: 64 KiB bearer token", "431 lost to a reset",
            "gateway: 64 KiB cookie", "431 lost to a reset");

    /** What no answer of the public endpoint may contain: class or exception names, stack frames, SQL, hosts. */
    private static final java.util.regex.Pattern INTERNALS = java.util.regex.Pattern.compile(
            "\\b(io\\.newsgraph|java|javax|jakarta|org|com|io\\.vertx|io\\.quarkus|io\\.smallrye)\\.[a-z][\\w.]*\\.[A-Z]|\\b[A-Z]\\w*Exception\\b"
                    + "|\\bat [\\w$.]+\\(|SQLSTATE|\\bjdbc:|org\\.postgresql|ERROR: |\\b(localhost|127\\.0\\.0\\.1):\\d");

    private final List<Case> cases = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

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
        graphql("gateway: deep query", Expect.ERROR, gql(gw, deep(40)));
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
        graphql("gateway: fan-out bomb 9 levels", Expect.ERROR, gql(gw, HostileQueriesIT.fanOut(entity, 9)));
        graphql("gateway: fan-out bomb 14 levels", Expect.ERROR, gql(gw, HostileQueriesIT.fanOut(entity, 14)));
        graphql("gateway: fan-out bomb 3 levels", Expect.ERROR, gql(gw, HostileQueriesIT.fanOut(entity, 3)));
        graphql("gateway: fragment reuse bomb", Expect.ERROR, gql(gw, HostileQueriesIT.fragmentReuse(entity, 8)));
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
            graphql("gateway: CSRF, Content-Type '" + type + "'", Expect.ERROR, postBytes(gw, type, typename.getBytes(StandardCharsets.UTF_8)));
        }
        graphql("gateway: CSRF, no Content-Type", Expect.ERROR, builder(gw).POST(HttpRequest.BodyPublishers.ofString(typename)).build());
        graphql("gateway: CSRF, GET without a custom header", Expect.ERROR, get(gw + "?query=" + enc("{ __typename }")));
        graphql("gateway: CSRF, GET with a blank required header", Expect.ERROR, get(gw + "?query=" + enc("{ __typename }"), "apollo-require-preflight", " "));
        graphql("gateway: CSRF, form-encoded mutation", Expect.ERROR, postBytes(gw, "application/x-www-form-urlencoded",
                ("query=" + enc("mutation { deleteArticle(id: \"x\", version: 1) { id } }")).getBytes(StandardCharsets.UTF_8)));

        // ---- content encodings: bodies are never inflated
        byte[] zeros = new byte[16 * 1024 * 1024];
        graphql("gateway: gzip bomb", Expect.ERROR, postBytes(gw, "application/json", gzip(zeros), "Content-Encoding", "gzip"));
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
        graphql("gateway: 2 MiB JSON body", Expect.ERROR, post(gw, "application/json", "{\"query\": \"{ __typename }\", \"x\": \"" + "a".repeat(2 * 1024 * 1024) + "\"}"));

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
        graphql("gateway: 900 KB query string", Expect.ERROR, post(gw, "application/json", json("query", "{ __typename " + " ".repeat(900_000) + "}")));
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

    private void graphqlBattery(String name, String url) {
        String field = name.equals("entities") ? "entities(first: 1) { edges { node { id } } }" : "articles(first: 1) { edges { node { id } } }";
        graphql(name + ": malformed JSON", Expect.ERROR, post(url, "application/json", "{\"query\": \"{ __typename \""));
        graphql(name + ": no query", Expect.ERROR, post(url, "application/json", "{\"variables\": {}}"));
        graphql(name + ": query not a string", Expect.ERROR, post(url, "application/json", "{\"query\": 42}"));
        graphql(name + ": syntax error", Expect.ERROR, gql(url, "{ " + field.replace("}", "")));
        graphql(name + ": unknown field", Expect.ERROR, gql(url, "{ noSuchField }"));
        graphql(name + ": wrong argument type", Expect.ERROR, gql(url, "{ " + field.replace("first: 1", "first: \"ten\"") + " }"));
        graphql(name + ": huge first", Expect.ERROR, gql(url, "{ " + field.replace("first: 1", "first: 2147483647") + " }"));
        graphql(name + ": negative first", Expect.ERROR, gql(url, "{ " + field.replace("first: 1", "first: -5") + " }"));
        graphql(name + ": garbage cursor", Expect.ERROR, gql(url, "{ " + field.replace("first: 1", "first: 1, after: \"%%garbage\"") + " }"));
        graphql(name + ": wrong variable type", Expect.ERROR, post(url, "application/json",
                "{\"query\": \"query($n: Int) { " + field.replace("first: 1", "first: $n").replace("\"", "\\\"") + " }\", \"variables\": {\"n\": \"many\"}}"));
        // The gateway is the public edge and must refuse these; a subgraph, reached only through it, may answer
        // them, but must answer (no 5xx, no hang).
        Expect limit = name.equals("gateway") ? Expect.ERROR : Expect.CLEAN;
        graphql(name + ": alias bomb", limit, gql(url, "{ " + aliases(5000) + " }"));
        graphql(name + ": wide query", limit, gql(url, "{ " + wide(field, 300) + " }"));
        graphql(name + ": fragment bomb", limit, gql(url, fragmentBomb()));
        graphql(name + ": fragment cycle", Expect.ERROR, gql(url, "query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }"));
        graphql(name + ": 2 MB document", limit, gql(url, "{ __typename " + "# padding\n".repeat(200_000) + "}"));
        graphql(name + ": invalid UTF-8", Expect.ERROR, postBytes(url, "application/json", concat("{\"query\": \"{ __typename ", new byte[] {(byte) 0xC3, 0x28}, " }\"}")));
        graphql(name + ": unknown operation name", Expect.ERROR, post(url, "application/json", "{\"query\": \"query A { __typename }\", \"operationName\": \"B\"}"));
        graphql(name + ": two anonymous operations", Expect.ERROR, gql(url, "{ __typename } { __typename }"));
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
        int before = failures.size();
        checkOne(c);
        if (failures.size() > before && KNOWN_DEFECTS.containsKey(c.name()) && failures.getLast().contains(": no answer (")) {
            System.out.println("[bad-input] known defect, reported: " + failures.removeLast());
        }
    }

    private void checkOne(Case c) {
        Http.Response r;
        try {
            r = Http.send(c.request());
        } catch (RuntimeException e) {
            failures.add(c.name() + ": no answer (" + e.getMessage() + ")");
            return;
        }
        if (r.status() >= 500) {
            failures.add(c.name() + ": " + r);
            return;
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
        if (success) {
            if (c.expect() == Expect.ERROR) {
                failures.add(c.name() + ": accepted (" + r + ")");
            }
            return;
        }
        String problem = c.graphql() ? graphqlError(r, c.name().startsWith("gateway")) : restError(r);
        if (problem != null) {
            failures.add(c.name() + ": " + problem + " (" + r + ")");
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
        cases.add(new Case(name, expect, false, request));
    }

    private void graphql(String name, Expect expect, HttpRequest request) {
        cases.add(new Case(name, expect, true, request));
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
