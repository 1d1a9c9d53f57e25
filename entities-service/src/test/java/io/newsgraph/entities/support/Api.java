package io.newsgraph.entities.support;

import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.contract.ExtractionRequest;
import io.newsgraph.security.Roles;
import io.newsgraph.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Calls of the service's HTTP API as its clients make them, built from the shared contract. */
public final class Api {

    /** The outbox relay's own token (its key, not the client issuer's): what every delivery sends. */
    public static final String RELAY_TOKEN = TestTokens.relay().token(ExtractionContract.RELAY_ROLE);

    /** A client token with role {@code editor}: what {@code /extract} takes. */
    public static final String EDITOR_TOKEN = TestTokens.shared().token(Roles.EDITOR);

    private Api() {
    }

    public static Response put(String articleId, long version, String title, String body) {
        return put(articleId, new ExtractionRequest(articleId, version, title, body, "2024-10-10T08:00:00Z"));
    }

    public static Response put(String articleId, ExtractionRequest request) {
        return given().auth().oauth2(RELAY_TOKEN).contentType(ContentType.JSON).body(request)
                .when().put(ExtractionContract.itemPath(articleId));
    }

    public static Response delete(String articleId) {
        return given().auth().oauth2(RELAY_TOKEN)
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
