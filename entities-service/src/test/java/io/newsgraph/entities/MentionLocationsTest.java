package io.newsgraph.entities;

import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.contract.ExtractionRequest.LayoutPart;
import io.newsgraph.contract.ExtractionRequest.Piece;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mention.context, Mention.counted and Mention.locations: a delivery's layout stored and applied when read. */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class MentionLocationsTest {

    private static final String TITLE = "Kessling speaks";
    private static final String L0 = "Ruth Amadeo-Kessling met the";
    private static final String L1 = "Saltmarsh Institute in Vellore Bay.";
    private static final String L3 = "Saltmarsh Institute report";
    private static final String BODY = L0 + "\n" + L1 + "\nSources\n" + L3;
    private static final String PARAGRAPH = L0 + " " + L1;

    private static String laidOut;
    private static String bare;

    private static List<LayoutPart> layout() {
        int l1 = L0.length() + 1;
        int l3 = BODY.indexOf(L3);
        List<Piece> paragraph = List.of(new Piece(0, L0.length(), 0), new Piece(l1, L1.length(), L0.length() + 1));
        return List.of(
                new LayoutPart(ExtractionRequest.LEDE, null, null, paragraph),
                new LayoutPart(ExtractionRequest.PARAGRAPH, 0, 0, paragraph),
                new LayoutPart("A_PART_ADDED_LATER", 0, null, List.of(new Piece(0, 4, 0))),
                new LayoutPart(ExtractionRequest.SOURCE, 0, null, List.of(new Piece(l3, L3.length(), 0))));
    }

    private static List<ExtractionRequest.Part> parts() {
        return List.of(new ExtractionRequest.Part(ExtractionRequest.SOURCES, BODY.indexOf("Sources"), BODY.length()));
    }

    @BeforeEach
    void store() {
        if (laidOut != null) {
            return;
        }
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Ruth Amadeo-Kessling", "Kessling");
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Saltmarsh Institute");
        ScriptedPipeline.define(EntityType.LOCATION, "Vellore Bay");
        laidOut = "loc-" + UUID.randomUUID();
        Api.put(laidOut, new ExtractionRequest(laidOut, 1, TITLE, BODY, null, null, parts(), layout()))
                .then().statusCode(200);
        bare = "loc-" + UUID.randomUUID();
        Api.put(bare, new ExtractionRequest(bare, 1, TITLE, BODY, null, null, parts())).then().statusCode(200);
    }

    private static JsonPath mentions(String articleId) {
        JsonPath r = Api.graphql("""
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
                  entities { entity { name } mentions { field start end text context counted
                    locations { part index paragraph start end } } } } } }""",
                Map.of("reps", List.of(Map.of("__typename", "Article", "id", articleId))));
        assertNull(r.get("errors"), r::prettify);
        return r;
    }

    private static List<Map<String, Object>> mentionsOf(JsonPath r, String name) {
        List<Map<String, Object>> entities = r.getList("data._entities[0].entities");
        for (Map<String, Object> e : entities) {
            if (name.equals(((Map<?, ?>) e.get("entity")).get("name"))) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> ms = (List<Map<String, Object>>) e.get("mentions");
                return ms;
            }
        }
        throw new AssertionError("no " + name + " in " + entities);
    }

    private static Map<String, Object> location(String part, Integer index, Integer paragraph, int start, int end) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("part", part);
        m.put("index", index);
        m.put("paragraph", paragraph);
        m.put("start", start);
        m.put("end", end);
        return m;
    }

    @Test
    void proseMentionsAreInTheLedeAndTheirParagraphAndSourcesMentionsInTheirSource() {
        List<Map<String, Object>> institute = mentionsOf(mentions(laidOut), "Saltmarsh Institute");
        assertEquals(2, institute.size(), institute::toString);
        Map<String, Object> prose = institute.get(0);
        assertEquals("PROSE", prose.get("context"));
        assertEquals(true, prose.get("counted"));
        int at = PARAGRAPH.indexOf("Saltmarsh");
        int end = at + "Saltmarsh Institute".length();
        assertEquals(List.of(location("LEDE", null, null, at, end), location("PARAGRAPH", 0, 0, at, end)),
                prose.get("locations"));
        Map<String, Object> listed = institute.get(1);
        assertEquals("SOURCES", listed.get("context"));
        assertEquals(false, listed.get("counted"));
        assertEquals(List.of(location("SOURCE", 0, null, 0, 19)), listed.get("locations"));
    }

    @Test
    void everyLocationCoversTheMentionsText() {
        JsonPath r = mentions(laidOut);
        List<Map<String, Object>> all = r.getList("data._entities[0].entities.mentions.flatten()");
        assertEquals(5, all.size(), all::toString);
        for (Map<String, Object> m : all) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> locations = (List<Map<String, Object>>) m.get("locations");
            assertTrue(!locations.isEmpty(), "located: " + m);
            for (Map<String, Object> l : locations) {
                String text = switch ((String) l.get("part")) {
                    case "TITLE" -> TITLE;
                    case "LEDE", "PARAGRAPH" -> PARAGRAPH;
                    case "SOURCE" -> L3;
                    default -> throw new AssertionError("unexpected part " + l);
                };
                assertEquals(m.get("text"), text.substring((Integer) l.get("start"), (Integer) l.get("end")), m::toString);
            }
        }
        Map<String, Object> title = mentionsOf(r, "Ruth Amadeo-Kessling").getFirst();
        assertEquals("TITLE", title.get("field"));
        assertEquals(List.of(location("TITLE", null, null, 0, 8)), title.get("locations"));
    }

    @Test
    void anArticleDeliveredWithoutALayoutHasContextsButNoBodyLocations() {
        List<Map<String, Object>> institute = mentionsOf(mentions(bare), "Saltmarsh Institute");
        assertEquals(List.of(), institute.get(0).get("locations"));
        assertEquals("SOURCES", institute.get(1).get("context"));
    }

    @Test
    void aLayoutOutsideTheBodyOrOverTheBoundIsRefused() {
        String id = "loc-bad-" + UUID.randomUUID();
        List<LayoutPart> outside = List.of(new LayoutPart(ExtractionRequest.PARAGRAPH, 0, 0,
                List.of(new Piece(BODY.length() - 2, 3, 0))));
        Api.put(id, new ExtractionRequest(id, 1, null, BODY, null, null, List.of(), outside))
                .then().statusCode(422).body("code", is("INVALID_LAYOUT"));
        List<LayoutPart> negative = List.of(new LayoutPart(ExtractionRequest.KEY_POINT, -1, null,
                List.of(new Piece(0, 3, 0))));
        Api.put(id, new ExtractionRequest(id, 1, null, BODY, null, null, List.of(), negative))
                .then().statusCode(422).body("code", is("INVALID_LAYOUT"));
        List<Piece> many = new ArrayList<>(Collections.nCopies(ExtractionRequest.MAX_LAYOUT_PIECES + 1, new Piece(0, 1, 0)));
        Api.put(id, new ExtractionRequest(id, 1, null, BODY, null, null, List.of(),
                        List.of(new LayoutPart(ExtractionRequest.PARAGRAPH, 0, 0, many))))
                .then().statusCode(422).body("code", is("LAYOUT_TOO_LARGE"));
    }

    @Test
    void theSchemaDescribesContextsAndLocations() {
        String sdl = Api.graphql("{ _service { sdl } }").getString("data._service.sdl");
        assertTrue(sdl.contains("context: MentionContext!"), sdl);
        assertTrue(sdl.contains("counted: Boolean!"), sdl);
        assertTrue(sdl.contains("locations: [MentionLocation!]!"), sdl);
        assertTrue(sdl.contains("enum ArticlePart") && sdl.contains("EMBEDDED_POST_AUTHOR"), sdl);
        assertTrue(sdl.contains("enum MentionContext") && sdl.contains("PROSE"), sdl);
        assertTrue(sdl.contains("part: ArticlePart!"), sdl);
    }
}
