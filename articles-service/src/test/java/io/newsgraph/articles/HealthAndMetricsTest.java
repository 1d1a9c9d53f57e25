package io.newsgraph.articles;

import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HealthAndMetricsTest {

    @Test
    void readinessIncludesTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", is("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsIncludeTheOutbox() {
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("newsgraph_outbox_backlog"))
                .body(containsString("newsgraph_outbox_deliveries_total"));
    }
}
