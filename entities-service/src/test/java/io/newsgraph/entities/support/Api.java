package io.newsgraph.entities.support;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Calls of the service's HTTP API as its clients make them, built from the shared contract. */
public final class Api {

    public static final String KEY = "test-key";

    private Api() {
    }

    public static Response put(String articleId, long version, String title, String body) {
        return put(articleId, new ExtractionRequest(articleId, version, title, body, "2024-10-10T08:00:00Z"));
    }

    public static Response put(String articleId, ExtractionRequest request) {
        return given().header(ExtractionContract.API_KEY_HEADER, KEY).contentType(ContentType.JSON).body(request)
                .when().put(ExtractionContract.itemPath(articleId));
    }

    public static Response delete(String articleId) {
        return given().header(ExtractionContract.API_KEY_HEADER, KEY)
                .when().delete(ExtractionContract.itemPath(articleId));
    }

    /** Posts a GraphQL query and returns the response body, asserting HTTP 200. */
    public static JsonPath graphql(String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).body(Map.of("query", query, "variables", variables))
                .when().post("/graphql")
                .then().statusCode(200).extract().jsonPath();
    }

    public static JsonPath graphql(String query) {
        return graphql(query, Map.of());
    }
}
