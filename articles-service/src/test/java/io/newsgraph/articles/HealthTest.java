package io.newsgraph.articles;

import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HealthTest {
    @Test
    void readyWithDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
