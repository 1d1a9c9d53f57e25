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
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Co-occurrence and counts follow stores, replacements and deletes. */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class CoOccurrenceTest {

    @Inject
    Db db;

    private long idOf(String name) {
        return db.number("SELECT id FROM entity WHERE name = ?", name);
    }

    private Map<String, Integer> related(String name) {
        JsonPath r = Api.graphql("query($id: ID!) { entity(id: $id) { related(first: 10) { edges { articleCount node { name } } } } }",
                Map.of("id", String.valueOf(idOf(name))));
        List<Map<String, Object>> rel = r.getList("data.entity.related.edges");
        java.util.Map<String, Integer> out = new java.util.LinkedHashMap<>();
        rel.forEach(x -> out.put((String) ((Map<?, ?>) x.get("node")).get("name"), (Integer) x.get("articleCount")));
        return out;
    }

    @Test
    void relatedCountsFollowStoreReplaceAndDelete() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Corvane Fleet");
        ScriptedPipeline.define(EntityType.LOCATION, "Isle of Brask");
        ScriptedPipeline.define(EntityType.PERSON, "Teodor Halvik");
        String a = "co-" + UUID.randomUUID();
        String b = "co-" + UUID.randomUUID();
        String c = "co-" + UUID.randomUUID();
        Api.put(a, 1, null, "Corvane Fleet sailed to the Isle of Brask with Teodor Halvik.").then().statusCode(200);
        Api.put(b, 1, null, "Corvane Fleet left the Isle of Brask.").then().statusCode(200);
        Api.put(c, 1, null, "Teodor Halvik joined Corvane Fleet.").then().statusCode(200);

        assertEquals(Map.of("Isle of Brask", 2, "Teodor Halvik", 2), related("Corvane Fleet"));
        assertEquals(Map.of("Corvane Fleet", 2, "Isle of Brask", 1), related("Teodor Halvik"));
        assertEquals(3, db.number("SELECT article_count FROM entity WHERE name = 'Corvane Fleet'"));

        // b is replaced: the island is gone from it, Halvik appears
        Api.put(b, 2, null, "Corvane Fleet hosted Teodor Halvik.").then().statusCode(200);
        assertEquals(Map.of("Teodor Halvik", 3, "Isle of Brask", 1), related("Corvane Fleet"));
        assertEquals(1, db.number("SELECT article_count FROM entity WHERE name = 'Isle of Brask'"));

        // a is deleted: the island was only in a, so it disappears with its pairs
        Api.delete(a).then().statusCode(200);
        assertEquals(Map.of("Teodor Halvik", 2), related("Corvane Fleet"));
        assertEquals(0, db.number("SELECT count(*) FROM entity WHERE name = 'Isle of Brask'"));
        assertEquals(0, db.number("SELECT count(*) FROM co_occurrence WHERE article_count <= 0"));
        assertEquals(2, db.number("SELECT article_count FROM entity WHERE name = 'Teodor Halvik'"));
        assertEquals(2, db.number("SELECT mention_count FROM entity WHERE name = 'Teodor Halvik'"));
    }
}
