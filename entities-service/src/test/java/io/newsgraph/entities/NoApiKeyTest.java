package io.newsgraph.entities;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.entities.support.NoApiKeyProfile;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Without a configured key the service refuses writes and extraction, whatever header is sent. */
@QuarkusTest
@TestProfile(NoApiKeyProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class NoApiKeyTest {

    @Test
    void writesAreRefusedWhenNoKeyIsConfigured() {
        given().header(ExtractionContract.API_KEY_HEADER, "").contentType(ContentType.JSON)
                .body(new ExtractionRequest("a1", 1, null, "text", null))
                .when().put(ExtractionContract.itemPath("a1"))
                .then().statusCode(503).body("code", equalTo("API_KEY_NOT_CONFIGURED"));
        given().header(ExtractionContract.API_KEY_HEADER, "anything").when().delete(ExtractionContract.itemPath("a1"))
                .then().statusCode(503).body("code", equalTo("API_KEY_NOT_CONFIGURED"));
        given().contentType(ContentType.TEXT).body("text").when().post("/extract")
                .then().statusCode(503).body("code", equalTo("API_KEY_NOT_CONFIGURED"));
        // reading stays open
        given().contentType(ContentType.JSON).body("{\"query\": \"{ entities(first: 1) { edges { cursor } } }\"}")
                .when().post("/graphql").then().statusCode(200).body("data.entities.edges.size()", equalTo(0));
    }
}
