package io.newsgraph.entities;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.extraction.EntityType;
import io.newsgraph.entities.support.Api;
import io.newsgraph.entities.support.Db;
import io.newsgraph.entities.support.ScriptedPipeline;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.newsgraph.testing.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The receiving side of the delivery contract: storing, versions, deletes, credentials and bad input. */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class ExtractionReceiverTest {

    @Inject
    Db db;

    String id;

    @BeforeEach
    void script() {
        ScriptedPipeline.reset();
        ScriptedPipeline.define(EntityType.PERSON, "Lloyd J. Austin III", "Lloyd Austin", "Austin");
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Pentagon");
        ScriptedPipeline.define(EntityType.LOCATION, "Guam");
        id = "rcv-" + UUID.randomUUID();
    }

    private JsonPath articleEntities(String articleId) {
        return Api.graphql("""
                query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Article {
                  id extraction { status version engine tookMillis entityCount extractedAt }
                  entities { salience mentionCount entity { name type } mentions { field start end text } } } } }""",
                Map.of("reps", java.util.List.of(Map.of("__typename", "Article", "id", articleId))));
    }

    @Test
    void storesEntitiesAndMentionsOfAnArticle() {
        String body = "Lloyd J. Austin III visited Guam. Austin said the Pentagon agreed.";
        Api.put(id, 1, "Austin in Guam", body).then().statusCode(200)
                .body("outcome", equalTo("APPLIED")).body("articleId", equalTo(id));

        JsonPath r = articleEntities(id);
        assertEquals("DONE", r.getString("data._entities[0].extraction.status"));
        assertEquals(1, r.getInt("data._entities[0].extraction.version"));
        assertEquals("scripted-1", r.getString("data._entities[0].extraction.engine"));
        assertEquals(3, r.getInt("data._entities[0].extraction.entityCount"));
        assertEquals(java.util.List.of("Lloyd J. Austin III", "Guam", "Pentagon"),
                r.getList("data._entities[0].entities.entity.name"));
        // title mention first, then body mentions in text order, offsets into their own field
        assertEquals(java.util.List.of("TITLE", "BODY", "BODY"), r.getList("data._entities[0].entities[0].mentions.field"));
        assertEquals(0, r.getInt("data._entities[0].entities[0].mentions[0].start"));
        int start = r.getInt("data._entities[0].entities[0].mentions[2].start");
        int end = r.getInt("data._entities[0].entities[0].mentions[2].end");
        assertEquals("Austin", body.substring(start, end));
        assertEquals(6, db.mentions(id), "2 in the title, 4 in the body");
    }

    @Test
    void sameOrOlderVersionChangesNothingAndIsNotExtractedAgain() {
        Api.put(id, 3, null, "Lloyd Austin visited Guam.").then().statusCode(200).body("outcome", equalTo("APPLIED"));
        int calls = ScriptedPipeline.calls();

        Api.put(id, 3, null, "The Pentagon said nothing.").then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        Api.put(id, 2, null, "The Pentagon said nothing.").then().statusCode(200).body("outcome", equalTo("UNCHANGED"));

        assertEquals(calls, ScriptedPipeline.calls(), "a stale delivery must not be extracted again");
        assertEquals(3, db.version(id));
        assertEquals(2, db.mentions(id));
        assertEquals(java.util.List.of("PERSON", "LOCATION"),
                articleEntities(id).getList("data._entities[0].entities.entity.type"));
    }

    @Test
    void newerVersionReplacesMentionsAndCounts() {
        Api.put(id, 1, null, "Guam and Guam and Guam.").then().statusCode(200);
        long guam = db.number("SELECT entity_id FROM article_entity ae JOIN entity e ON e.id = ae.entity_id "
                + "WHERE ae.article_id = ? AND e.name = 'Guam'", id);
        long before = db.number("SELECT mention_count FROM entity WHERE id = ?", guam);

        Api.put(id, 2, null, "The Pentagon and Guam.").then().statusCode(200).body("outcome", equalTo("APPLIED"));

        assertEquals(before - 2, db.number("SELECT mention_count FROM entity WHERE id = ?", guam));
        assertEquals(2, db.mentions(id));
        assertEquals(java.util.List.of("Guam", "Pentagon"),
                articleEntities(id).getList("data._entities[0].entities.entity.name").stream().sorted().toList());
    }

    @Test
    void deleteRemovesMentionsAndIsIdempotent() {
        Api.put(id, 1, null, "Only Pentagon here, said the Pentagon.").then().statusCode(200);
        long pentagonArticles = db.number("SELECT article_count FROM entity WHERE name = 'Pentagon'");

        Api.delete(id).then().statusCode(200).body("outcome", equalTo("DELETED"));
        Api.delete(id).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));

        assertEquals(0, db.mentions(id));
        assertEquals(pentagonArticles - 1,
                db.number("SELECT coalesce(max(article_count), 0) FROM entity WHERE name = 'Pentagon'"));
        assertEquals("DELETED", articleEntities(id).getString("data._entities[0].extraction.status"));
        // a late redelivery of the deleted version does not bring it back; a newer version does
        Api.put(id, 1, null, "Only Pentagon here.").then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
        assertEquals(0, db.mentions(id));
        Api.put(id, 2, null, "Pentagon again.").then().statusCode(200).body("outcome", equalTo("APPLIED"));
        assertEquals(1, db.mentions(id));
    }

    @Test
    void aStoreThatFailsHalfWayLeavesThePreviousVersionIntact() {
        Api.put(id, 1, null, "Guam and the Pentagon.").then().statusCode(200);
        long entities = db.number("SELECT count(*) FROM entity");
        ScriptedPipeline.define(EntityType.ORGANIZATION, "Kelvane Shipyards");
        ScriptedPipeline.poison();

        Api.put(id, 2, null, "Kelvane Shipyards near Guam.").then().statusCode(500).body("code", equalTo("INTERNAL_ERROR"));

        assertEquals(1, db.version(id), "the failed version is not recorded");
        assertEquals(2, db.mentions(id), "the previous mentions are still there");
        assertEquals(entities, db.number("SELECT count(*) FROM entity"), "no entity created by the failed store remains");
        assertEquals(0, db.number("SELECT count(*) FROM entity WHERE name = 'Kelvane Shipyards'"));
    }

    @Test
    void deleteOfUnknownArticleIsAcknowledged() {
        Api.delete("never-seen-" + id).then().statusCode(200).body("outcome", equalTo("UNCHANGED"));
    }

    @Test
    void onlyTheRelaysIdentityDelivers() {
        ExtractionRequest req = new ExtractionRequest(id, 1, null, "Guam.", null);
        given().contentType(ContentType.JSON).body(req).when().put(ExtractionContract.itemPath(id))
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        given().auth().oauth2("not-a-token").contentType(ContentType.JSON).body(req)
                .when().put(ExtractionContract.itemPath(id))
                .then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        // a valid client token, even an editor's, does not write here
        given().auth().oauth2(Api.EDITOR_TOKEN).contentType(ContentType.JSON).body(req)
                .when().put(ExtractionContract.itemPath(id))
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        // the relay's key with the wrong audience, or signed by someone else
        given().auth().oauth2(TestTokens.relay().wrongAudience(ExtractionContract.RELAY_ROLE)).contentType(ContentType.JSON)
                .body(req).when().put(ExtractionContract.itemPath(id)).then().statusCode(401);
        given().auth().oauth2(TestTokens.relay().wrongSignature(ExtractionContract.RELAY_ROLE)).contentType(ContentType.JSON)
                .body(req).when().put(ExtractionContract.itemPath(id)).then().statusCode(401);
        given().auth().oauth2(TestTokens.relay().expired(ExtractionContract.RELAY_ROLE)).when()
                .delete(ExtractionContract.itemPath(id)).then().statusCode(401);
        given().when().delete(ExtractionContract.itemPath(id)).then().statusCode(401);
        assertEquals(-1, db.version(id));
    }

    @Test
    void permanentlyBadInputIs422WithAStableCodeAndStoresNothing() {
        String tooLong = "Guam ".repeat(40_001);
        Api.put(id, new ExtractionRequest(id, 1, null, tooLong, null))
                .then().statusCode(ExtractionContract.NON_RETRYABLE_STATUS).body("code", equalTo("TEXT_TOO_LONG"));
        Api.put(id, new ExtractionRequest("other", 1, null, "Guam.", null))
                .then().statusCode(422).body("code", equalTo("ARTICLE_ID_MISMATCH"));
        Api.put(id, new ExtractionRequest(id, 0, null, "Guam.", null))
                .then().statusCode(422).body("code", equalTo("INVALID_VERSION"));
        Api.put(id, new ExtractionRequest(id, 1, null, null, null))
                .then().statusCode(422).body("code", equalTo("MISSING_BODY_TEXT"));
        Api.put(id, new ExtractionRequest(id, 1, "T".repeat(2001), "Guam.", null))
                .then().statusCode(422).body("code", equalTo("TITLE_TOO_LONG"));
        Api.put(id, new ExtractionRequest(id, 1, null, "Guam.", "last Tuesday"))
                .then().statusCode(422).body("code", equalTo("INVALID_PUBLISHED_AT"));
        Api.put("bad id", new ExtractionRequest(null, 1, null, "Guam.", null))
                .then().statusCode(422).body("code", equalTo("INVALID_ARTICLE_ID"));
        given().auth().oauth2(Api.RELAY_TOKEN).contentType(ContentType.JSON).body("{\"version\": ")
                .when().put(ExtractionContract.itemPath(id))
                .then().statusCode(400).body("code", equalTo("MALFORMED_JSON"));
        assertEquals(-1, db.version(id));
        assertEquals(0, db.mentions(id));
    }
}
