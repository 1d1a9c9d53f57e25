package io.newsgraph.articles.graphql;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.Map;

import static io.restassured.RestAssured.given;

/** Posts GraphQL operations to the service under test. */
final class GraphQLClient {

    private GraphQLClient() {
    }

    static JsonPath query(String query, Map<String, Object> variables, String bearer) {
        RequestSpecification request = given().contentType("application/json")
                .body(Map.of("query", query, "variables", variables));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.when().post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath query(String query) {
        return query(query, Map.of(), null);
    }
}
