package io.newsgraph.entities;

import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.extraction.Role;
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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cross-article resolution across several articles. Names are made up so that no other test's entities interfere
 * (the test classes of one profile share a database).
 */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class ResolutionTest {

    @Inject
    Db db;

    private static String article() {
        return "res-" + UUID.randomUUID();
    }

    /** The canonical entity id an article's entity of that surface resolved to. */
    private String entityOf(String articleId, String type) {
        JsonPath r = Api.graphql("""
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
                  entities { entity { id name type } } } } }""",
                Map.of("reps", List.of(Map.of("__typename", "Article", "id", articleId))));
        List<Map<String, Object>> entities = r.getList("data._entities[0].entities.entity");
        return entities.stream().filter(e -> type.equals(e.get("type"))).map(e -> (String) e.get("id"))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " in " + entities));
    }

    private JsonPath entity(String id) {
        return Api.graphql("query($id: ID!) { entity(id: $id) { id name type aliases roles { title organization } "
                + "countryCode normalizedValue mentionCount articleCount } }", Map.of("id", id));
    }

    @Test
    void aLaterShorterNameFindsTheSameEntityAndTwoNamesakesStayApart() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.PERSON, null, null,
                List.of(new Role("Secretary of Defense", null, "XA")),
                List.of("Halvard J. Brennick III", "Brennick")));
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Marlow Directorate");
        String a1 = article();
        Api.put(a1, 1, null, "Halvard J. Brennick III met the Marlow Directorate. Brennick spoke.")
                .then().statusCode(200);
        String halvard = entityOf(a1, "PERSON");

        // a later article names him shorter, without initials or suffix
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Halvard Brennick");
        String a2 = article();
        Api.put(a2, 1, null, "Halvard Brennick flew home.").then().statusCode(200);
        assertEquals(halvard, entityOf(a2, "PERSON"));
        JsonPath h = entity(halvard);
        assertEquals("Halvard J. Brennick III", h.getString("data.entity.name"), "the fuller name stays canonical");
        assertTrue(h.getList("data.entity.aliases").contains("Halvard Brennick"));
        assertTrue(h.getList("data.entity.aliases").contains("Brennick"));
        assertEquals("Secretary of Defense", h.getString("data.entity.roles[0].title"));
        assertEquals(2, h.getInt("data.entity.articleCount"));
        assertEquals(3, h.getInt("data.entity.mentionCount"));

        // a bare surname that only one person has merges with him
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Brennick");
        String a3 = article();
        Api.put(a3, 1, null, "Brennick declined to comment.").then().statusCode(200);
        assertEquals(halvard, entityOf(a3, "PERSON"));

        // a second person whose first name is that surname
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Brennick Osei");
        ScriptedPipeline.define(EntityType.LOCATION, "Tarnwick Circuit");
        String a4 = article();
        Api.put(a4, 1, null, "Brennick Osei won at the Tarnwick Circuit.").then().statusCode(200);
        String osei = entityOf(a4, "PERSON");
        assertNotEquals(halvard, osei, "a different full name is a different person");

        // now "Brennick" is ambiguous: the article's other entities decide
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Brennick");
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Marlow Directorate");
        ScriptedPipeline.define(EntityType.LOCATION, "Tarnwick Circuit");
        String a5 = article();
        Api.put(a5, 1, null, "Brennick visited the Marlow Directorate.").then().statusCode(200);
        assertEquals(halvard, entityOf(a5, "PERSON"), "co-occurs with the Marlow Directorate");
        String a6 = article();
        Api.put(a6, 1, null, "Brennick returned to the Tarnwick Circuit.").then().statusCode(200);
        assertEquals(osei, entityOf(a6, "PERSON"), "co-occurs with the Tarnwick Circuit");

        // ambiguous and no evidence: a new entity rather than a guess
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Brennick");
        String a7 = article();
        Api.put(a7, 1, null, "Brennick was seen.").then().statusCode(200);
        String bare = entityOf(a7, "PERSON");
        assertNotEquals(halvard, bare);
        assertNotEquals(osei, bare);
        assertEquals("Brennick", entity(bare).getString("data.entity.name"));
    }

    @Test
    void countriesDatesAndHandlesMergeByTheirNormalisedValue() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.LOCATION, null, "KR", List.of(),
                List.of("Republic of Korea")));
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.DATE, "2031-02-03", null, List.of(),
                List.of("February 3, 2031")));
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.HANDLE, "quillgazette", null, List.of(),
                List.of("@QuillGazette")));
        String a1 = article();
        Api.put(a1, 1, null, "The Republic of Korea said on February 3, 2031, per @QuillGazette.")
                .then().statusCode(200);

        ScriptedPipeline.reset();
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.LOCATION, null, "KR", List.of(),
                List.of("South Korea")));
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.DATE, "2031-02-03", null, List.of(),
                List.of("Feb. 3")));
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.HANDLE, "quillgazette", null, List.of(),
                List.of("@quillgazette")));
        String a2 = article();
        Api.put(a2, 1, null, "South Korea agreed on Feb. 3, wrote @quillgazette.").then().statusCode(200);

        for (String type : List.of("LOCATION", "DATE", "HANDLE")) {
            assertEquals(entityOf(a1, type), entityOf(a2, type), type + " merges by value");
        }
        JsonPath korea = entity(entityOf(a1, "LOCATION"));
        assertEquals("KR", korea.getString("data.entity.countryCode"));
        assertEquals("Republic of Korea", korea.getString("data.entity.name"));
        assertEquals(List.of("South Korea"), korea.getList("data.entity.aliases"));
        assertEquals("2031-02-03", entity(entityOf(a2, "DATE")).getString("data.entity.normalizedValue"));
        assertEquals(1, db.number("SELECT count(*) FROM entity WHERE type = 'HANDLE' AND normalized_value = ?",
                "quillgazette"));
    }

    @Test
    void aPlaceInsideACountryStaysApartFromTheCountry() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.LOCATION, null, "GB", List.of(),
                List.of("United Kingdom")));
        String a1 = article();
        Api.put(a1, 1, null, "The United Kingdom said it would act.").then().statusCode(200);

        ScriptedPipeline.reset();
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.LOCATION, null, "GB", List.of(),
                List.of("Outer Hebrides")));
        String a2 = article();
        Api.put(a2, 1, null, "Storms hit the Outer Hebrides.").then().statusCode(200);

        ScriptedPipeline.reset();
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.LOCATION, null, "GB", List.of(),
                List.of("Britain")));
        String a3 = article();
        Api.put(a3, 1, null, "Britain agreed.").then().statusCode(200);

        assertNotEquals(entityOf(a1, "LOCATION"), entityOf(a2, "LOCATION"), "a region is not its country");
        assertEquals(entityOf(a1, "LOCATION"), entityOf(a3, "LOCATION"), "two names of one country merge by code");
        JsonPath hebrides = entity(entityOf(a2, "LOCATION"));
        assertEquals("Outer Hebrides", hebrides.getString("data.entity.name"));
        assertEquals("GB", hebrides.getString("data.entity.countryCode"));
        assertTrue(entity(entityOf(a1, "LOCATION")).getList("data.entity.aliases").stream()
                .noneMatch("Outer Hebrides"::equals));
    }

    @Test
    void aDateThatCouldNotBePinnedDownIsNoKeyForAnother() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.DATE, null, null, List.of(),
                List.of("Thursday")));
        String a1 = article();
        Api.put(a1, 1, null, "Talks resume on Thursday.").then().statusCode(200);
        ScriptedPipeline.reset();
        ScriptedPipeline.define(new ScriptedPipeline.Script(EntityType.DATE, null, null, List.of(),
                List.of("Thursday")));
        String a2 = article();
        Api.put(a2, 1, null, "A vote is due on Thursday.").then().statusCode(200);
        assertNotEquals(entityOf(a1, "DATE"), entityOf(a2, "DATE"), "two articles' Thursdays are not one day");
    }

    @Test
    void nameOrderOfEastAsianNamesDoesNotSplitAPerson() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Tazaki Ren");
        String a1 = article();
        Api.put(a1, 1, null, "Minister Tazaki Ren arrived.").then().statusCode(200);
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Ren Tazaki");
        String a2 = article();
        Api.put(a2, 1, null, "Ren Tazaki spoke.").then().statusCode(200);
        assertEquals(entityOf(a1, "PERSON"), entityOf(a2, "PERSON"));
    }
}
