package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.launcher.Service;
import io.newsgraph.testing.TestTokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every caller against every operation, through the gateway and directly at each service, on the real processes
 * with the suite's own keys (anonymous reads on, the default): what is allowed works, what is not gets 401
 * {@code UNAUTHENTICATED} or 403 {@code FORBIDDEN} and changes nothing. Then the relay's own identity at work: an
 * article ingested by an editor reaches DONE.
 */
@Order(15)
class AuthIT {

    /** What a caller may get: an answer, or a refusal with its status and code. */
    enum Outcome {
        OK(200), UNAUTHENTICATED(401), FORBIDDEN(403);

        final int status;

        Outcome(int status) {
            this.status = status;
        }
    }

    /** A caller and what it may do: queries and REST reads, writes (mutations, REST writes, /extract), deliveries. */
    record Caller(String name, String authorization, Outcome read, Outcome write, Outcome deliver) {
    }

    /**
     * One operation at one place; {@code kind} picks the column of {@link Caller} it is judged by, {@code stores} says
     * whether it adds an article when allowed.
     */
    record Operation(String name, String kind, boolean graphql, Function<String[], Http.Response> call, boolean stores) {
        Operation(String name, String kind, boolean graphql, Function<String[], Http.Response> call) {
            this(name, kind, graphql, call, false);
        }
    }

    @Test
    void everyCallerAgainstEveryOperation() {
        TestTokens issuer = SystemSuite.tokens();
        TestTokens relay = SystemSuite.relayTokens();
        String role = ExtractionContract.RELAY_ROLE;
        Outcome ok = Outcome.OK;
        Outcome unauthenticated = Outcome.UNAUTHENTICATED;
        Outcome forbidden = Outcome.FORBIDDEN;
        List<Caller> callers = new ArrayList<>(List.of(
                new Caller("anonymous", null, ok, unauthenticated, unauthenticated),
                new Caller("token without a role", bearer(issuer.token()), ok, forbidden, forbidden),
                new Caller("reader", bearer(issuer.token("reader")), ok, forbidden, forbidden),
                new Caller("editor", bearer(issuer.token("editor")), ok, ok, forbidden),
                new Caller("client token claiming the relay's role", bearer(issuer.token(role, "editor")), ok, ok, forbidden),
                new Caller("the relay", bearer(relay.token(role)), unauthenticated, unauthenticated, ok),
                new Caller("relay token for another audience", bearer(relay.wrongAudience(role)), unauthenticated, unauthenticated,
                        unauthenticated)));
        // expired, wrongly signed, another issuer's, for another audience, not a JWT, unsigned: editor tokens all
        issuer.invalid("editor").forEach((what, token) ->
                callers.add(new Caller("editor token, " + what, bearer(token), unauthenticated, unauthenticated, unauthenticated)));

        String gateway = SystemSuite.gateway();
        String articles = SystemSuite.url(Service.ARTICLES);
        String entities = SystemSuite.url(Service.ENTITIES);
        String crossing = "{ articles(first: 2) { edges { node { id entities { entity { name } } } } } }";
        String ingest = "mutation($i: ArticleInput!) { ingestArticle(input: $i) { outcome } }";
        List<Operation> operations = List.of(
                new Operation("gateway: query across both subgraphs", "read", true, h -> Http.graphql(gateway, crossing, null, h)),
                new Operation("gateway: ingestArticle", "write", true, h -> Http.graphql(gateway, ingest, input(), h), true),
                new Operation("articles-service: GraphQL query", "read", true,
                        h -> Http.graphql(articles + "/graphql", "{ articles(first: 1) { edges { cursor } } }", null, h)),
                new Operation("articles-service: _entities", "read", true, h -> Http.graphql(articles + "/graphql",
                        "{ _entities(representations: [{__typename: \"Article\", id: \"" + UUID.randomUUID() + "\"}]) { ... on Article { id } } }",
                        null, h)),
                new Operation("articles-service: ingestArticle", "write", true, h -> Http.graphql(articles + "/graphql", ingest, input(), h), true),
                new Operation("articles-service: GET /articles", "read", false, h -> Http.get(articles + "/articles?first=1", h)),
                new Operation("articles-service: POST /articles", "write", false,
                        h -> Http.postJson(articles + "/articles", input().get("i"), h), true),
                new Operation("entities-service: GraphQL query", "read", true,
                        h -> Http.graphql(entities + "/graphql", "{ entities(first: 1) { edges { cursor } } }", null, h)),
                new Operation("entities-service: _service", "read", true, h -> Http.graphql(entities + "/graphql", "{ _service { sdl } }", null, h)),
                new Operation("entities-service: POST /extract", "write", false,
                        h -> Http.post(entities + "/extract", "text/plain", "Angela Merkel visited Paris.", h)),
                new Operation("entities-service: PUT /extractions", "deliver", false, h -> {
                    String id = "auth-it-" + UUID.randomUUID();
                    return Http.put(entities + ExtractionContract.itemPath(id), "application/json", Http.JSON.valueToTree(
                            new ExtractionRequest(id, 1, "Auth", "Angela Merkel visited Paris.", null)).toString(), h);
                }));

        long articlesBefore = Db.count(Service.ARTICLES, "SELECT count(*) FROM article WHERE external_id LIKE 'auth-it-%'");
        long extractionsBefore = deliveredCount();
        int writesAllowed = 0;
        int deliveriesAllowed = 0;
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Caller caller : callers) {
            String[] headers = caller.authorization() == null ? new String[0] : new String[]{"Authorization", caller.authorization()};
            for (Operation op : operations) {
                Outcome expected = switch (op.kind()) {
                    case "read" -> caller.read();
                    case "write" -> caller.write();
                    default -> caller.deliver();
                };
                Http.Response r = op.call().apply(headers);
                checked++;
                String seen = judge(r, op.graphql(), expected);
                if (seen != null) {
                    wrong.add(caller.name() + " / " + op.name() + ": expected " + expected + ", got " + seen);
                } else if (expected == Outcome.OK && op.stores()) {
                    writesAllowed++;
                } else if (expected == Outcome.OK && op.kind().equals("deliver")) {
                    deliveriesAllowed++;
                }
                if (caller.authorization() != null && r.body() != null) {
                    String token = caller.authorization().substring("Bearer ".length());
                    if (r.body().contains(token)) {
                        wrong.add(caller.name() + " / " + op.name() + ": the answer echoes the token");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, wrong.size() + " of " + checked + " wrong");
        assertEquals(callers.size() * operations.size(), checked);
        // refused writes stored nothing: only the allowed ones are there
        assertEquals(articlesBefore + writesAllowed,
                Db.count(Service.ARTICLES, "SELECT count(*) FROM article WHERE external_id LIKE 'auth-it-%'"));
        assertEquals(extractionsBefore + deliveriesAllowed, deliveredCount());
        assertTrue(writesAllowed == 6 && deliveriesAllowed == 1, writesAllowed + " writes, " + deliveriesAllowed + " deliveries");
    }

    @Test
    void theRelayDeliversWithItsOwnIdentity() {
        String editor = SystemSuite.editor();
        JsonNode data = Http.graphqlData(SystemSuite.gateway(),
                "mutation($i: ArticleInput!) { ingestArticle(input: $i) { article { id } } }",
                Map.of("i", Map.of("externalId", "auth-it-relay-" + UUID.randomUUID(),
                        "body", "Angela Merkel met Emmanuel Macron in Paris on Tuesday to discuss the budget.")),
                "Authorization", editor);
        String id = data.at("/ingestArticle/article/id").asText();
        assertFalse(id.isBlank());
        // the client's token went to articles-service only; entities-service got the article from the relay
        Articles.awaitDone(List.of(id), Duration.ofMinutes(2));
        JsonNode article = Http.graphqlData(SystemSuite.gateway(),
                "query($id: ID!) { article(id: $id) { processing { state } extraction { status } } }", Map.of("id", id));
        assertEquals("DONE", article.at("/article/processing/state").asText(), article.toString());
        assertEquals(1, Db.count(Service.ENTITIES, "SELECT count(*) FROM extraction WHERE article_id = ?", id));
    }

    private static long deliveredCount() {
        return Db.count(Service.ENTITIES, "SELECT count(*) FROM extraction WHERE article_id LIKE 'auth-it-%'");
    }

    /** Null when {@code r} is what {@code expected} means; else what was seen instead. */
    private static String judge(Http.Response r, boolean graphql, Outcome expected) {
        if (expected == Outcome.OK) {
            boolean errors = graphql && r.isJson() && r.json().has("errors");
            return r.status() / 100 == 2 && !errors ? null : r.toString();
        }
        if (r.status() != expected.status || !r.isJson()) {
            return r.toString();
        }
        JsonNode body = r.json();
        String code = graphql ? body.at("/errors/0/extensions/code").asText() : body.path("code").asText();
        boolean noData = !graphql || body.path("data").isMissingNode() || body.path("data").isNull();
        return code.equals(expected.name()) && noData ? null : r.toString();
    }

    private static Map<String, Object> input() {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("externalId", "auth-it-" + UUID.randomUUID());
        article.put("body", "A short article about access rules.");
        return Map.of("i", article);
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }
}
