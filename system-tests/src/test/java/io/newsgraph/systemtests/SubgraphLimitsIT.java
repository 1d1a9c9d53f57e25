package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.launcher.Service;
import io.newsgraph.testing.ClientVisible;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile operations sent straight to each subgraph, past the gateway: the fan-out bomb that once ran entities-service
 * out of heap, a fragment-reuse bomb, and one operation over each of the subgraph's own limits. Each is refused before
 * it runs, with its code and no internals; the process stays up, its health answers, and a normal query is answered
 * right after.
 */
@Order(45)
class SubgraphLimitsIT {

    private static String entityId;

    @BeforeAll
    static void oneArticleWithEntities() {
        String id = HappyPathIT.ingest("""
                Harbour authority and city council agree on a new quay
                The Port of Rotterdam Authority and the city council of Rotterdam signed an agreement on March 3, 2025. \
                Mayor Ahmed Aboutaleb said the quay would open in 2027.""", "subgraph-limits", "2025-03-03T09:00:00Z");
        HappyPathIT.awaitDone(id);
        entityId = Http.graphqlData(graphql(Service.ENTITIES),
                "query($r: [_Any!]!) { _entities(representations: $r) { ... on Article { entities { entity { id } } } } }",
                Map.of("r", List.of(Map.of("__typename", "Article", "id", id)))).at("/_entities/0/entities/0/entity/id").asText();
        assertFalse(entityId.isEmpty());
    }

    static String graphql(Service s) {
        return SystemSuite.url(s) + "/graphql";
    }

    static String related(int levels, int first) {
        return "{ entity(id: \"" + entityId + "\") { " + ("related(first: " + first + ") { edges { node { ").repeat(levels)
                + "name" + " } } }".repeat(levels) + " } }";
    }

    static String aliases(int n, String field) {
        StringBuilder q = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            q.append(" a").append(i).append(": ").append(field);
        }
        return q.append(" }").toString();
    }

    static List<Map<String, Object>> representations(String type, int n) {
        List<Map<String, Object>> reps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            reps.add(Map.of("__typename", type, "id", type.equals("Article")
                    ? "00000000-0000-0000-0000-" + String.format("%012d", i) : String.valueOf(i)));
        }
        return reps;
    }

    void assertRefused(Service s, String query, Map<String, Object> variables, String code) {
        Http.Response r = Http.graphql(graphql(s), query, variables);
        assertTrue(r.status() < 500, () -> s + ": " + r);
        JsonNode json = r.json();
        JsonNode data = json.path("data");
        assertTrue(data.isMissingNode() || data.isNull(), () -> s + " ran it: " + r);
        assertEquals(code, json.at("/errors/0/extensions/code").asText(), () -> s + ": " + r);
        String message = json.at("/errors/0/message").asText();
        ClientVisible.assertNoInternals(message);
        assertHealthyAndAnswering(s);
    }

    void assertHealthyAndAnswering(Service s) {
        assertEquals(200, Http.get(SystemSuite.url(s) + "/q/health/live").status(), s + " liveness");
        assertEquals(200, Http.get(SystemSuite.url(s) + "/q/health/ready").status(), s + " readiness");
        if (s == Service.ENTITIES) {
            JsonNode d = Http.graphqlData(graphql(s), related(2, 5), null);
            assertTrue(d.at("/entity/related/edges").size() >= 1, d::toString);
        } else {
            JsonNode d = Http.graphqlData(graphql(s), "{ articles(first: 5) { edges { node { id title } } } }", null);
            assertTrue(d.at("/articles/edges").size() >= 1, d::toString);
        }
    }

    @Test
    void entitiesServiceRefusesTheFanOutBombAndEveryOperationOverItsLimits() {
        Service s = Service.ENTITIES;
        // the operation of the incident: 14 levels of related(first: 100)
        assertRefused(s, related(14, 100), null, "MAX_DEPTH_EXCEEDED");
        // the same fan-out within the depth limit (each level three deep: related, edges, node): refused by its
        // estimated cost (100^4 objects)
        assertRefused(s, related(4, 100), null, "COST_ESTIMATED_TOO_EXPENSIVE");
        assertRefused(s, aliases(150, "entity(id: \"" + entityId + "\") { name }"), null, "MAX_ALIASES_EXCEEDED");
        assertRefused(s, "query($r: [_Any!]!) { _entities(representations: $r) { ... on Entity { name } } }",
                Map.of("r", representations("Entity", 1001)), "MAX_REPRESENTATIONS_EXCEEDED");
        assertRefused(s, "{ entities(first: 1000) { edges { cursor } } }", null, "MAX_PAGE_SIZE_EXCEEDED");
    }

    @Test
    void articlesServiceRefusesBombsAndEveryOperationOverItsLimits() {
        Service s = Service.ARTICLES;
        assertRefused(s, aliases(80, "articles(first: 100) { edges { node { id title body lede keyPoints sections { heading paragraphs } } } }"),
                null, "COST_ESTIMATED_TOO_EXPENSIVE");
        assertRefused(s, "{ __schema { types { fields { type { " + "ofType { ".repeat(12) + "name" + " }".repeat(12)
                + " } } } } }", null, "MAX_DEPTH_EXCEEDED");
        assertRefused(s, aliases(150, "__typename"), null, "MAX_ALIASES_EXCEEDED");
        assertRefused(s, "query($r: [_Any!]!) { _entities(representations: $r) { ... on Article { id } } }",
                Map.of("r", representations("Article", 1001)), "MAX_REPRESENTATIONS_EXCEEDED");
        assertRefused(s, "{ articles(first: 1000) { edges { node { id } } } }", null, "MAX_PAGE_SIZE_EXCEEDED");
    }

    @Test
    void aFragmentReuseBombIsRefusedByBothSubgraphs() {
        // entities: each fragment spreads the one below twice, through a page of 10 related entities
        // (four levels, each three deep, stay within the depth limit)
        StringBuilder q = new StringBuilder("{ entity(id: \"" + entityId + "\") { ...F4 } } fragment F0 on Entity { name }");
        for (int i = 1; i <= 4; i++) {
            q.append(" fragment F").append(i).append(" on Entity { a: related(first: 20) { edges { node { ...F").append(i - 1)
                    .append(" } } } b: related(first: 20) { edges { node { ...F").append(i - 1).append(" } } } }");
        }
        assertRefused(Service.ENTITIES, q.toString(), null, "COST_ESTIMATED_TOO_EXPENSIVE");
        // articles: a fragment of every field, spread in eighty pages of 100
        StringBuilder a = new StringBuilder("{");
        for (int i = 0; i < 80; i++) {
            a.append(" p").append(i).append(": articles(first: 100) { edges { node { ...All } } }");
        }
        a.append(" } fragment All on Article { id title body lede keyPoints sections { heading paragraphs } sources { text url } }");
        assertRefused(Service.ARTICLES, a.toString(), null, "COST_ESTIMATED_TOO_EXPENSIVE");
    }

    @Test
    void anAnswerOverTheByteBudgetIsRefusedWithItsCode() {
        // a body longer than entities-service extracts (its delivery is refused at once: no NER time spent), asked for
        // under 80 aliases: 20 MB of answer from a handful of fields, over articles-service's 16 MiB budget
        String body = "The quay opens in spring. ".repeat(10_000);
        Http.Response created = Http.postJson(SystemSuite.url(Service.ARTICLES) + "/articles",
                Map.of("externalId", "subgraph-limits-big", "body", "Big\n\n" + body), "Authorization", SystemSuite.editor());
        assertEquals(201, created.status(), created::toString);
        String id = created.json().at("/article/id").asText();
        try {
            assertRefused(Service.ARTICLES, "{ article(id: \"" + id + "\") " + aliases(80, "body") + " }", null,
                    "MAX_ANSWER_SIZE_EXCEEDED");
            // one copy is an ordinary answer
            JsonNode one = Http.graphqlData(graphql(Service.ARTICLES), "{ article(id: \"" + id + "\") { body } }", null);
            assertTrue(one.at("/article/body").asText().length() > 250_000, "the body came back whole");
        } finally {
            Http.delete(SystemSuite.url(Service.ARTICLES) + "/articles/" + id + "?version=" + created.json().at("/article/version").asInt(),
                    "Authorization", SystemSuite.editor());
        }
    }

    @Test
    void aRequestBodyOverTheServicesLimitIsRefused() {
        // entities-service: 4 MiB (quarkus.http.limits.max-body-size); articles-service: 33 MiB, above its bulk limit
        Map<Service, Integer> sizes = Map.of(Service.ENTITIES, 5 * 1024 * 1024, Service.ARTICLES, 34 * 1024 * 1024);
        sizes.forEach((s, size) -> {
            String host = java.net.URI.create(SystemSuite.url(s)).getAuthority();
            byte[] json = ("{\"query\": \"{ __typename }\", \"x\": \"" + "a".repeat(size) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            Http.Response r = RawHttp.send(SystemSuite.url(s), RawHttp.request("POST /graphql HTTP/1.1\r\nHost: " + host
                    + "\r\nContent-Type: application/json", json));
            assertEquals(413, r.status(), () -> s + ": " + r);
            assertHealthyAndAnswering(s);
        });
    }

    @Test
    void aValueTheSchemaRejectsAnswersWithoutInternals() {
        for (String q : List.of("{ articles(filter: \"x\") { edges { node { id } } } }",
                "{ articles(filter: { publishedFrom: \"not a date\" }) { edges { node { id } } } }")) {
            Http.Response r = Http.graphql(graphql(Service.ARTICLES), q, null);
            assertTrue(r.status() < 500, r::toString);
            assertTrue(r.json().has("errors"), r::toString);
            assertErrorsClean(r);
        }
        Http.Response r = Http.graphql(graphql(Service.ENTITIES), "{ entities(filter: { type: NOPE }) { edges { cursor } } }", null);
        assertTrue(r.json().has("errors"), r::toString);
        assertErrorsClean(r);
    }

    /** What a client reads of each error (its message and code) shows no internals; graphql-java's own
     * classifications ("DataFetchingException") are a standard vocabulary, not an internal name. */
    private static void assertErrorsClean(Http.Response r) {
        r.json().path("errors").forEach(e -> {
            ClientVisible.assertNoInternals(e.path("message").asText());
            ClientVisible.assertNoInternals(e.path("extensions").path("code").asText());
        });
    }
}
