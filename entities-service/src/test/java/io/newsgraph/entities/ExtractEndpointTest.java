package io.newsgraph.entities;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.Db;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Extraction without storing: one text, or a batch of NDJSON lines. */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class ExtractEndpointTest {

    @Inject
    Db db;

    @BeforeEach
    void script() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Harrowgate Trust");
        ScriptedPipeline.define(EntityType.PERSON, "Ines Moraga", "Moraga");
    }

    @Test
    void plainTextAndJsonGiveEntitiesWithOffsetsAndStoreNothing() {
        long entities = db.number("SELECT count(*) FROM entity");
        String text = "Ines Moraga chairs the Harrowgate Trust. Moraga said so.";
        JsonPath r = given().auth().oauth2(Api.EDITOR_TOKEN).contentType(ContentType.TEXT)
                .body(text).when().post("/extract").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("Ines Moraga", "Harrowgate Trust"), r.getList("entities.name"));
        assertEquals(List.of("Moraga"), r.getList("entities[0].aliases"));
        for (Map<String, Object> m : r.<Map<String, Object>>getList("entities[0].mentions")) {
            assertEquals(m.get("text"), text.substring((Integer) m.get("start"), (Integer) m.get("end")));
        }
        given().auth().oauth2(Api.EDITOR_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("text", text, "publishedAt", "2024-10-09T00:00:00Z"))
                .when().post("/extract").then().statusCode(200)
                .body("entities[1].name", equalTo("Harrowgate Trust"))
                .body("entities[1].type", equalTo("ORGANIZATION"));
        assertEquals(entities, db.number("SELECT count(*) FROM entity"), "extracting stores nothing");
    }

    @Test
    void batchAnswersOneLinePerInputWithPerLineErrors() {
        String body = """
                {"doc_id": "d1", "text": "Ines Moraga spoke.", "publishedAt": "2024-10-09T00:00:00Z"}
                this is not json
                {"doc_id": "d3"}
                {"doc_id": "d4", "text": "Nothing known here."}
                {"doc_id": "d5", "text": "The Harrowgate Trust.", "publishedAt": "yesterday"}
                """;
        String out = given().auth().oauth2(Api.EDITOR_TOKEN).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/extract/batch").then().statusCode(200)
                .contentType("application/x-ndjson").extract().asString();
        List<JsonPath> lines = out.lines().map(JsonPath::new).toList();
        assertEquals(5, lines.size(), out);
        assertEquals("d1", lines.get(0).getString("doc_id"));
        assertEquals("Ines Moraga", lines.get(0).getString("entities[0].name"));
        assertEquals(0, lines.get(0).getInt("entities[0].mentions[0].start"));
        assertEquals(11, lines.get(0).getInt("entities[0].mentions[0].end"));
        assertEquals("MALFORMED_JSON", lines.get(1).getString("error.code"));
        assertEquals(2, lines.get(1).getInt("line"));
        assertEquals("d3", lines.get(2).getString("doc_id"));
        assertEquals("MISSING_TEXT", lines.get(2).getString("error.code"));
        assertEquals(List.of(), lines.get(3).getList("entities"));
        assertEquals("INVALID_PUBLISHED_AT", lines.get(4).getString("error.code"));
    }

    @Test
    void limitsAndCredentials() {
        String many = "{\"doc_id\": \"x\", \"text\": \"a\"}\n".repeat(201);
        given().auth().oauth2(Api.EDITOR_TOKEN).contentType("application/x-ndjson")
                .body(many.getBytes(StandardCharsets.UTF_8))
                .when().post("/extract/batch").then().statusCode(413).body("code", equalTo("TOO_MANY_LINES"));
        given().auth().oauth2(Api.EDITOR_TOKEN).contentType(ContentType.TEXT)
                .body("x".repeat(200_001)).when().post("/extract")
                .then().statusCode(422).body("code", equalTo("TEXT_TOO_LONG"));
        given().auth().oauth2(Api.EDITOR_TOKEN).contentType(ContentType.TEXT).body(" ")
                .when().post("/extract").then().statusCode(422).body("code", equalTo("MISSING_TEXT"));
        given().contentType(ContentType.TEXT).body("Ines Moraga").when().post("/extract")
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().contentType("application/x-ndjson")
                .body("{}".getBytes(StandardCharsets.UTF_8)).when().post("/extract/batch")
                .then().statusCode(401);
    }

    @Test
    void healthAndMetrics() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"));
        Api.put("metrics-" + System.nanoTime(), 1, null, "Harrowgate Trust.").then().statusCode(200);
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("newsgraph_extractions_total{outcome=\"applied\""), metrics);
        org.junit.jupiter.api.Assertions.assertTrue(metrics.contains("newsgraph_extraction_duration_seconds_count"));
    }

    @Test
    void malformedUtf8IsRefusedNotReplaced() {
        byte[] malformed = {'A', (byte) 0xC3, 0x28};
        given().auth().oauth2(Api.EDITOR_TOKEN).contentType("text/plain; charset=UTF-8")
                .body(malformed).when().post("/extract")
                .then().statusCode(ExtractionContract.NON_RETRYABLE_STATUS).body("code", equalTo("INVALID_UTF8"));
        given().auth().oauth2(Api.EDITOR_TOKEN).contentType("application/x-ndjson")
                .body(malformed).when().post("/extract/batch")
                .then().statusCode(ExtractionContract.NON_RETRYABLE_STATUS).body("code", equalTo("INVALID_UTF8"));
    }

    @Test
    void aDeliveryWithWrongTypesGetsACodeAndStoresNothing() {
        long extractions = db.number("SELECT count(*) FROM extraction");
        given().auth().oauth2(Api.RELAY_TOKEN).contentType(ContentType.JSON)
                .body("{\"articleId\":\"a1\",\"version\":\"one\",\"body\":7}")
                .when().put(ExtractionContract.itemPath("a1"))
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        assertEquals(extractions, db.number("SELECT count(*) FROM extraction"), "nothing stored");
    }
}
