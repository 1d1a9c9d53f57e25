package io.newsgraph.entities;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.Db;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The federation subgraph: SDL, queries, Entity and Article fields, paging and errors. */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class GraphQLSubgraphTest {

    @Inject
    Db db;

    private static String ruthId;
    private static final List<String> articles = new ArrayList<>();

    /** Stores three articles once for the whole class (the tests only read). */
    @BeforeEach
    void articles() {
        if (ruthId != null) {
            return;
        }
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Ruth Amadeo-Kessling", "Kessling");
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Saltmarsh Institute");
        ScriptedPipeline.define(EntityType.LOCATION, "Vellore Bay");
        for (int i = 0; i < 3; i++) {
            String id = "gql-" + UUID.randomUUID();
            articles.add(id);
            String body = "Ruth Amadeo-Kessling of the Saltmarsh Institute spoke." + " Kessling smiled.".repeat(i)
                    + (i == 2 ? " Vellore Bay." : "");
            Api.put(id, 1, i == 0 ? "Kessling speaks" : null, body).then().statusCode(200);
        }
        ruthId = String.valueOf(db.number("SELECT id FROM entity WHERE name = 'Ruth Amadeo-Kessling'"));
    }

    @Test
    void sdlIsFederationV2WithKeys() {
        String sdl = Api.graphql("{ _service { sdl } }").getString("data._service.sdl");
        assertTrue(sdl.contains("@link(") && sdl.contains("https://specs.apollo.dev/federation/v2.7"), sdl);
        assertTrue(sdl.contains("\"@key\""), "imports @key: " + sdl);
        assertTrue(sdl.matches("(?s).*type Entity @key\\(fields ?: ?\"id\"\\).*"), sdl);
        assertTrue(sdl.matches("(?s).*type Article @key\\(fields ?: ?\"id\"\\).*"), sdl);
        assertTrue(sdl.contains("searchEntities("), sdl);
    }

    /** The live SDL composes into a supergraph with the project's composition tool (Apollo's composition library). */
    @Test
    void sdlComposes() throws Exception {
        Path tools = Path.of("..", "tools", "federation").toAbsolutePath().normalize();
        Assumptions.assumeTrue(run(tools, 20, "node", "--version").exitCode == 0, "Node.js is not installed");
        if (!Files.isDirectory(tools.resolve("node_modules"))) {
            assertEquals(0, run(tools, 600, "npm", "ci", "--no-audit", "--no-fund").exitCode);
        }
        Path sdl = Path.of("target", "entities-subgraph.graphql").toAbsolutePath();
        Files.writeString(sdl, Api.graphql("{ _service { sdl } }").getString("data._service.sdl"));
        Path supergraph = Path.of("target", "entities-supergraph.graphql").toAbsolutePath();
        Result r = run(tools, 120, "node", "compose.mjs", "entities=" + sdl + "@http://127.0.0.1:8082/graphql",
                "--out", supergraph.toString());
        assertEquals(0, r.exitCode, r.output);
        String composed = Files.readString(supergraph);
        assertTrue(composed.contains("join__type(graph: ENTITIES, key: \"id\")"), composed);
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, int timeoutSeconds, String... command) throws Exception {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(timeoutSeconds, TimeUnit.SECONDS) ? new Result(p.exitValue(), out) : new Result(-1, out);
        } catch (java.io.IOException e) {
            return new Result(-1, e.getMessage());
        }
    }

    @Test
    void entityFields() {
        JsonPath r = Api.graphql("""
                query($id: ID!) { entity(id: $id) { id name type aliases countryCode mentionCount articleCount
                  articles(first: 2) { totalCount edges { cursor salience node { id } } pageInfo { hasNextPage endCursor } }
                  related { edges { articleCount node { name } } } } }""", Map.of("id", ruthId));
        assertNull(r.get("errors"));
        assertEquals("Ruth Amadeo-Kessling", r.getString("data.entity.name"));
        assertEquals("PERSON", r.getString("data.entity.type"));
        assertEquals(List.of("Kessling"), r.getList("data.entity.aliases"));
        assertEquals(3, r.getInt("data.entity.articleCount"));
        assertEquals(1 + 1 + 2 + 3, r.getInt("data.entity.mentionCount"));
        assertEquals(3, r.getInt("data.entity.articles.totalCount"));
        assertEquals(2, r.getList("data.entity.articles.edges").size());
        assertTrue(r.getBoolean("data.entity.articles.pageInfo.hasNextPage"));
        // most salient first: the article with the title mention
        assertEquals(articles.get(0), r.getString("data.entity.articles.edges[0].node.id"));
        assertEquals(Map.of("articleCount", 3, "node", Map.of("name", "Saltmarsh Institute")),
                r.getMap("data.entity.related.edges[0]"));

        // the next page continues after the cursor, without repeats
        String after = r.getString("data.entity.articles.pageInfo.endCursor");
        JsonPath next = Api.graphql("query($id: ID!, $after: String) { entity(id: $id) { articles(first: 2, after: $after) "
                + "{ edges { node { id } } pageInfo { hasNextPage hasPreviousPage } } } }", Map.of("id", ruthId, "after", after));
        List<String> seen = new ArrayList<>(r.getList("data.entity.articles.edges.node.id"));
        seen.addAll(next.getList("data.entity.articles.edges.node.id"));
        assertEquals(articles.stream().sorted().toList(), seen.stream().sorted().toList());
        assertFalse(next.getBoolean("data.entity.articles.pageInfo.hasNextPage"));
        assertTrue(next.getBoolean("data.entity.articles.pageInfo.hasPreviousPage"));
    }

    @Test
    void aliasesOfOneFieldWithDifferentArgumentsEachGetTheirOwnAnswer() {
        List<Map<String, Object>> reps = articles.stream()
                .map(a -> Map.<String, Object>of("__typename", "Article", "id", a)).toList();
        JsonPath r = Api.graphql("""
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
                  places: entities(type: LOCATION) { entity { name } }
                  central: entities(minSalience: 0.9) { entity { name } } } } }""", Map.of("reps", reps));
        assertNull(r.get("errors"));
        assertEquals(List.of(), r.getList("data._entities[0].places"));
        assertEquals(List.of("Ruth Amadeo-Kessling"), r.getList("data._entities[0].central.entity.name"));
        assertEquals(List.of("Vellore Bay"), r.getList("data._entities[2].places.entity.name"));
        assertEquals(List.of(), r.getList("data._entities[2].central"));

        r = Api.graphql("query($id: ID!) { entity(id: $id) { one: related(first: 1) { edges { node { name } } } "
                + "two: related(first: 2) { edges { node { name } } } } }", Map.of("id", ruthId));
        assertEquals(1, r.getList("data.entity.one.edges").size());
        assertEquals(2, r.getList("data.entity.two.edges").size());
    }

    @Test
    void unknownEntityIsNull() {
        JsonPath r = Api.graphql("{ entity(id: \"999999999\") { id } }");
        assertNull(r.get("data.entity"));
        assertNull(r.get("errors"));
    }

    @Test
    void entitiesConnectionPagesWithOpaqueCursorsAndFilters() {
        List<String> names = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            JsonPath r = Api.graphql("query($after: String) { entities(first: 2, after: $after, filter: { type: ORGANIZATION }) "
                    + "{ edges { cursor node { name type } } pageInfo { hasNextPage endCursor } } }",
                    after == null ? Map.of() : Map.of("after", after));
            assertNull(r.get("errors"));
            r.getList("data.entities.edges.node.type").forEach(t -> assertEquals("ORGANIZATION", t));
            names.addAll(r.getList("data.entities.edges.node.name"));
            more = r.getBoolean("data.entities.pageInfo.hasNextPage");
            after = r.getString("data.entities.pageInfo.endCursor");
        }
        assertEquals(names.size(), names.stream().distinct().count(), "no entity twice across pages");
        assertTrue(names.contains("Saltmarsh Institute"));
        assertFalse(after.contains(":"), "cursors are opaque");
    }

    @Test
    void badCursorAndBadPageSizeAreErrorsWithCodes() {
        JsonPath r = Api.graphql("{ entities(first: 2, after: \"bm90LWEtY3Vyc29y\") { edges { cursor } } }");
        assertEquals("BAD_CURSOR", r.getString("errors[0].extensions.code"));
        assertTrue(r.getString("errors[0].message").contains("cursor"));
        r = Api.graphql("{ entities(first: 2, after: \"%%%\") { edges { cursor } } }");
        assertEquals("BAD_CURSOR", r.getString("errors[0].extensions.code"));
        r = Api.graphql("{ entities(first: 1000) { edges { cursor } } }");
        assertEquals("MAX_PAGE_SIZE_EXCEEDED", r.getString("errors[0].extensions.code"));
        // an entity cursor is not an article cursor
        String entityCursor = Api.graphql("{ entities(first: 1) { edges { cursor } } }").getString("data.entities.edges[0].cursor");
        r = Api.graphql("query($id: ID!, $c: String) { entity(id: $id) { articles(after: $c) { totalCount } } }",
                Map.of("id", ruthId, "c", entityCursor));
        assertEquals("BAD_CURSOR", r.getString("errors[0].extensions.code"));
    }

    @Test
    void searchEntitiesToleratesTyposAndMatchesAliases() {
        JsonPath r = Api.graphql("{ searchEntities(query: \"Saltmarsh Insitute\") { edges { node { name } } } }");
        assertEquals("Saltmarsh Institute", r.getString("data.searchEntities.edges[0].node.name"));
        r = Api.graphql("{ searchEntities(query: \"kessling\", type: PERSON) { edges { node { name } } } }");
        assertEquals("Ruth Amadeo-Kessling", r.getString("data.searchEntities.edges[0].node.name"));
        r = Api.graphql("{ searchEntities(query: \"x\") { edges { node { name } } } }");
        assertEquals("INVALID_ARGUMENT", r.getString("errors[0].extensions.code"));
    }

    @Test
    void articleRepresentationsResolveContributedFields() {
        List<Map<String, Object>> reps = new ArrayList<>();
        articles.forEach(a -> reps.add(Map.of("__typename", "Article", "id", a)));
        reps.add(Map.of("__typename", "Article", "id", "gql-never-extracted"));
        reps.add(Map.of("__typename", "Entity", "id", ruthId));
        reps.add(Map.of("__typename", "Entity", "id", "999999999"));
        JsonPath r = Api.graphql("""
                query($reps: [_Any!]!) { _entities(representations: $reps) {
                  ... on Article { id extraction { status version engine tookMillis extractedAt }
                                   entities(type: LOCATION) { salience entity { name } mentions { text } } }
                  ... on Entity { id name } } }""", Map.of("reps", reps));
        assertNull(r.get("errors"));
        assertEquals(6, r.getList("data._entities").size());
        assertNull(r.get("data._entities[5]"), "an unknown entity resolves to null in its place");
        assertEquals(articles.get(2), r.getString("data._entities[2].id"));
        assertEquals(List.of("Vellore Bay"), r.getList("data._entities[2].entities.entity.name"));
        assertEquals(List.of(), r.getList("data._entities[0].entities"));
        assertEquals("DONE", r.getString("data._entities[0].extraction.status"));
        assertNotNull(OffsetDateTime.parse(r.getString("data._entities[0].extraction.extractedAt")));
        assertNull(r.get("data._entities[3].extraction"));
        assertEquals(List.of(), r.getList("data._entities[3].entities"));
        assertEquals("Ruth Amadeo-Kessling", r.getString("data._entities[4].name"));

        // the title mention lifts the person above 0.5 in the first article
        r = Api.graphql("""
                query($reps: [_Any!]!) { _entities(representations: $reps) {
                  ... on Article { entities(minSalience: 0.5) { salience entity { name } } } } }""",
                Map.of("reps", reps.subList(0, 1)));
        assertEquals(List.of("Ruth Amadeo-Kessling"), r.getList("data._entities[0].entities.entity.name"));
    }

    // ---- connections: both directions, counts, empty pages

    /**
     * The connection at {@code at} in the answer of {@code query}, whose page arguments replace SIZE; the cursor
     * variable {@code $c} is declared (at "(DECL)" or ", DECL") only when they use it.
     */
    private static Map<String, Object> page(String query, String at, Map<String, Object> vars) {
        boolean cursor = query.contains("$c)") || query.contains("$c,");
        String q = query.replace("(DECL)", cursor ? "($c: String)" : "").replace(", DECL", cursor ? ", $c: String" : "");
        JsonPath r = Api.graphql(q, vars);
        assertNull(r.get("errors"), r::prettify);
        return r.getMap("data." + at);
    }

    /** Walks the whole connection one way, a page of {@code size} at a time; the names in list order. */
    @SuppressWarnings("unchecked")
    private static List<String> walk(String query, String at, Map<String, Object> fixed, boolean backward) {
        List<String> names = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 50; pages++) {
            Map<String, Object> vars = new java.util.HashMap<>(fixed);
            vars.put("c", cursor);
            Map<String, Object> c = page(query.replace("SIZE", backward ? "last: 1, before: $c" : "first: 1, after: $c"),
                    at, vars);
            Map<String, Object> info = (Map<String, Object>) c.get("pageInfo");
            List<Map<String, Object>> edges = (List<Map<String, Object>>) c.get("edges");
            assertEquals(1, edges.size(), c::toString);
            String name = (String) ((Map<String, Object>) edges.get(0).get("node")).get("name");
            if (backward) {
                names.addFirst(name);
            } else {
                names.add(name);
            }
            assertEquals(edges.get(0).get("cursor"), info.get("startCursor"));
            assertEquals(edges.get(0).get("cursor"), info.get("endCursor"));
            // the flag on the cursor's side: true once a cursor is given; on the far side: whether more follow
            assertEquals(cursor != null, info.get(backward ? "hasNextPage" : "hasPreviousPage"), c::toString);
            boolean more = (Boolean) info.get(backward ? "hasPreviousPage" : "hasNextPage");
            if (!more) {
                return names;
            }
            cursor = (String) (backward ? info.get("startCursor") : info.get("endCursor"));
        }
        throw new AssertionError("no end after 50 pages");
    }

    private static final String PAGE_INFO = " pageInfo { hasPreviousPage hasNextPage startCursor endCursor }";

    private static void pagesBothWays(String query, String at, Map<String, Object> fixed, int expected) {
        List<String> forward = walk(query, at, fixed, false);
        List<String> backward = walk(query, at, fixed, true);
        assertEquals(expected, forward.size(), forward::toString);
        assertEquals(forward, backward, "backward pages list the same items in the same order");
        // 50: the largest page of every list here (entity search's maximum)
        Map<String, Object> all = page(query.replace("SIZE", "first: 50"), at, fixed);
        assertEquals(expected, all.get("totalCount"), all::toString);
        Map<String, Object> none = page(query.replace("SIZE", "first: 0"), at, fixed);
        assertEquals(List.of(), none.get("edges"), "first: 0 is an empty page");
        assertEquals(Boolean.TRUE, ((Map<?, ?>) none.get("pageInfo")).get("hasNextPage"), none::toString);
        assertEquals(expected, none.get("totalCount"));
    }

    @Test
    void theEntityListPagesBothWaysWithItsCount() {
        String q = "query (DECL) { entities(SIZE) { totalCount edges { cursor node { name } }"
                + PAGE_INFO + " } }";
        int n = page(q.replace("SIZE", "first: 100"), "entities", Map.of()).get("edges") instanceof List<?> l ? l.size() : -1;
        assertTrue(n >= 3, "entities stored: " + n);
        pagesBothWays(q, "entities", Map.of(), n);
    }

    @Test
    void anEntitysArticlesAndRelatedEntitiesPageBothWays() {
        String articlesQuery = "query($id: ID!, DECL) { entity(id: $id) { articles(SIZE) {"
                + " totalCount edges { cursor node { name: id } }" + PAGE_INFO + " } } }";
        pagesBothWays(articlesQuery, "entity.articles", Map.of("id", ruthId), 3);
        String relatedQuery = "query($id: ID!, DECL) { entity(id: $id) { related(SIZE) {"
                + " totalCount edges { cursor articleCount node { name } }" + PAGE_INFO + " } } }";
        pagesBothWays(relatedQuery, "entity.related", Map.of("id", ruthId), 2);
    }

    @Test
    void entitySearchIsAConnectionWithCursors() {
        String q = "query($q: String!, DECL) { searchEntities(query: $q, SIZE) { totalCount"
                + " edges { cursor node { name } }" + PAGE_INFO + " } }";
        // "Saltmarsh Institute" and, by trigram similarity on "a", more: page through whatever matches
        Map<String, Object> all = page(q.replace("SIZE", "first: 50"), "searchEntities", Map.of("q", "Saltmarsh"));
        int n = ((List<?>) all.get("edges")).size();
        assertTrue(n >= 1, all::toString);
        pagesBothWays(q, "searchEntities", Map.of("q", "Saltmarsh"), n);
        // a cursor of one search does not page another
        String cursor = (String) ((Map<?, ?>) all.get("pageInfo")).get("endCursor");
        JsonPath r = Api.graphql("query($c: String) { searchEntities(query: \"Vellore\", after: $c) { edges { cursor } } }",
                Map.of("c", cursor));
        assertEquals("BAD_CURSOR", r.getString("errors[0].extensions.code"), r::prettify);
    }

    @Test
    void pagingOneWayOnlyAndSizesInRange() {
        for (String args : List.of("first: 1, last: 1", "first: 1, before: \"x\"", "last: 1, after: \"x\"", "first: -1")) {
            JsonPath r = Api.graphql("{ entities(" + args + ") { edges { cursor } } }");
            assertEquals("INVALID_ARGUMENT", r.getString("errors[0].extensions.code"), r::prettify);
            assertNull(r.get("data.entities"), r::prettify);
        }
        JsonPath r = Api.graphql("{ entities(before: \"bm9wZQ\") { edges { cursor } } }");
        assertEquals("BAD_CURSOR", r.getString("errors[0].extensions.code"), r::prettify);
    }

    @Test
    void fixedValuesAreEnumsVersionsAreIntAndArticleEntitiesIsNullable() {
        String sdl = Api.graphql("{ _service { sdl } }").getString("data._service.sdl");
        assertTrue(sdl.matches("(?s).*enum MentionField \\{\\s*BODY\\s*TITLE\\s*}.*"), sdl);
        assertTrue(sdl.contains("field: MentionField!"), sdl);
        assertTrue(sdl.matches("(?s).*enum ExtractionStatus \\{.*DELETED.*DONE.*}.*"), sdl);
        assertTrue(sdl.contains("status: ExtractionStatus!"), sdl);
        assertTrue(sdl.contains("version: Int!"), sdl);
        assertFalse(sdl.contains("BigInteger!"), sdl);
        assertTrue(sdl.matches("(?s).*entities\\(minSalience: Float, type: EntityType\\): \\[ArticleEntity]\\s.*"), sdl);
        JsonPath r = Api.graphql("""
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
                  extraction { status version } entities { mentions { field } } } } }""",
                Map.of("reps", List.of(Map.of("__typename", "Article", "id", articles.getFirst()))));
        assertNull(r.get("errors"), r::prettify);
        assertEquals("DONE", r.getString("data._entities[0].extraction.status"));
        assertEquals(1, r.getInt("data._entities[0].extraction.version"));
        List<String> fields = r.getList("data._entities[0].entities.mentions.flatten().field");
        assertTrue(fields.contains("TITLE") && fields.contains("BODY"), fields::toString);
    }
}
