package io.newsgraph.entities;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.Readiness;
import io.newsgraph.entities.support.RealPipelineProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** From delivery to GraphQL with the real pipeline: NLP4J, rules, coreference, then resolution and storage. */
@QuarkusTest
@TestProfile(RealPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class RealPipelineEndToEndTest {

    private static final String TITLE = "Austin meets Nakatani in Tokyo";
    private static final String BODY = "Secretary of Defense Lloyd J. Austin III met Japan's Minister of Defense, "
            + "Nakatani Gen, in Tokyo on October 9, 2024. Austin said the alliance had never been stronger.";

    /** Readiness includes the pipeline's own check: wait until the models are loaded. */
    @BeforeEach
    void waitUntilReady() throws InterruptedException {
        Readiness.await();
        given().get("/q/health/ready").then().body("checks.find { it.name == 'ner-engine' }.status", equalTo("UP"));
    }

    private static JsonPath entitiesOf(String articleId) {
        return Api.graphql("""
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
                  extraction { status engine }
                  entities { salience entity { id name type countryCode aliases roles { title } normalizedValue }
                             mentions { field start end text } } } } }""",
                Map.of("reps", List.of(Map.of("__typename", "Article", "id", articleId))));
    }

    private static Map<String, Object> find(JsonPath r, String type, String name) {
        List<Map<String, Object>> entities = r.getList("data._entities[0].entities");
        return entities.stream()
                .filter(e -> type.equals(((Map<?, ?>) e.get("entity")).get("type"))
                        && name.equals(((Map<?, ?>) e.get("entity")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " " + name + " in " + entities));
    }

    @Test
    @SuppressWarnings("unchecked")
    void deliveredArticleIsExtractedResolvedAndServed() {
        String first = "e2e-" + UUID.randomUUID();
        Api.put(first, new ExtractionRequest(first, 1, TITLE, BODY, "2024-10-10T09:00:00Z"))
                .then().statusCode(200).body("outcome", equalTo("APPLIED"));

        JsonPath r = entitiesOf(first);
        assertEquals("nlp4j-1.1.3", r.getString("data._entities[0].extraction.engine"));
        Map<String, Object> austin = find(r, "PERSON", "Lloyd J. Austin III");
        Map<String, Object> japan = find(r, "LOCATION", "Japan");
        assertEquals("JP", ((Map<?, ?>) japan.get("entity")).get("countryCode"));
        for (Map<String, Object> m : (List<Map<String, Object>>) austin.get("mentions")) {
            String field = "TITLE".equals(m.get("field")) ? TITLE : BODY;
            assertEquals(m.get("text"), field.substring((Integer) m.get("start"), (Integer) m.get("end")));
        }
        List<String> fields = ((List<Map<String, Object>>) austin.get("mentions")).stream()
                .map(m -> (String) m.get("field")).toList();
        assertTrue(fields.contains("TITLE") && fields.contains("BODY"), "mentions in title and body: " + austin);

        // a later article with a shorter form of the name finds the same canonical entity
        String second = "e2e-" + UUID.randomUUID();
        Api.put(second, new ExtractionRequest(second, 1, null,
                "Lloyd Austin flew to Tokyo on Friday to meet Japanese officials.", "2024-10-11T09:00:00Z"))
                .then().statusCode(200);
        Map<String, Object> again = find(entitiesOf(second), "PERSON", "Lloyd J. Austin III");
        assertEquals(((Map<?, ?>) austin.get("entity")).get("id"), ((Map<?, ?>) again.get("entity")).get("id"));
        JsonPath entity = Api.graphql("query($id: ID!) { entity(id: $id) { articleCount aliases } }",
                Map.of("id", ((Map<?, ?>) austin.get("entity")).get("id")));
        assertEquals(2, entity.getInt("data.entity.articleCount"));
        assertTrue(entity.getList("data.entity.aliases").contains("Lloyd Austin"), entity.prettify());
    }

    @Test
    void batchExtractionOffsetsPointIntoEachText() {
        String text = "Japan's Minister of Defense, Nakatani Gen, met Adm. Samuel J. Paparo in Tokyo.";
        String body = "{\"doc_id\": \"a\", \"text\": \"" + text + "\", \"publishedAt\": \"2024-10-09T00:00:00Z\"}\n"
                + "{\"doc_id\": \"b\", \"text\": \"Nothing here.\"}\n";
        String out = given().auth().oauth2(Api.EDITOR_TOKEN).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/extract/batch")
                .then().statusCode(200).extract().asString();
        List<JsonPath> lines = out.lines().map(JsonPath::new).toList();
        assertEquals(List.of("a", "b"), lines.stream().map(l -> l.getString("doc_id")).toList());
        List<Map<String, Object>> entities = lines.getFirst().getList("entities");
        assertTrue(entities.stream().anyMatch(e -> "PERSON".equals(e.get("type")) && "Nakatani Gen".equals(e.get("name"))),
                out);
        for (Map<String, Object> e : entities) {
            for (Map<String, Object> m : (List<Map<String, Object>>) e.get("mentions")) {
                assertEquals(m.get("text"), text.substring((Integer) m.get("start"), (Integer) m.get("end")));
            }
        }
    }
}
