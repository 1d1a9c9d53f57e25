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
                  related { articleCount entity { name } } } }""", Map.of("id", ruthId));
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
        assertEquals(Map.of("articleCount", 3, "entity", Map.of("name", "Saltmarsh Institute")),
                r.getMap("data.entity.related[0]"));

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

        r = Api.graphql("query($id: ID!) { entity(id: $id) { one: related(first: 1) { entity { name } } "
                + "two: related(first: 2) { entity { name } } } }", Map.of("id", ruthId));
        assertEquals(1, r.getList("data.entity.one").size());
        assertEquals(2, r.getList("data.entity.two").size());
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
        JsonPath r = Api.graphql("{ searchEntities(query: \"Saltmarsh Insitute\") { name } }");
        assertEquals("Saltmarsh Institute", r.getString("data.searchEntities[0].name"));
        r = Api.graphql("{ searchEntities(query: \"kessling\", type: PERSON) { name } }");
        assertEquals("Ruth Amadeo-Kessling", r.getString("data.searchEntities[0].name"));
        r = Api.graphql("{ searchEntities(query: \"x\") { name } }");
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
}
