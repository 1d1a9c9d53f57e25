package io.newsgraph.gateway.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.newsgraph.gateway.GraphQLTestClient;
import io.newsgraph.gateway.SubgraphsResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** A client over its rate gets 429 with Retry-After and is served again once its bucket refills. */
@QuarkusTest
@TestProfile(RateLimitTest.Tight.class)
@QuarkusTestResource(value = SubgraphsResource.class, restrictToAnnotatedClass = true)
class RateLimitTest {

    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsgraph.gateway.rate-limit.requests", "1", "newsgraph.gateway.rate-limit.period", "1s",
                    "newsgraph.gateway.rate-limit.burst", "3");
        }
    }

    private static Response ask() {
        return given().contentType("application/json").body("{\"query\":\"{ __typename }\"}").post("/graphql");
    }

    @Test
    void overTheRateAClientIsToldToWaitAndThenServedAgain() throws InterruptedException {
        Response limited = null;
        int served = 0;
        for (int i = 0; i < 10 && limited == null; i++) {
            Response r = ask();
            if (r.statusCode() == 429) {
                limited = r;
            } else {
                assertEquals(200, r.statusCode(), r.asString());
                served++;
            }
        }
        assertTrue(limited != null, "refused within 10 requests");
        assertTrue(served >= 3, "the burst of 3 was served first: " + served);
        assertEquals("RATE_LIMITED", GraphQLTestClient.tree(limited.asString()).at("/errors/0/extensions/code").asText());
        assertTrue(limited.contentType().startsWith("application/json"));
        long retryAfter = Long.parseLong(limited.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 1, "one request per second: " + retryAfter);
        // Health and metrics are not GraphQL requests: never limited.
        given().get("/q/health/ready").then().statusCode(200);
        Thread.sleep(retryAfter * 1000 + 100);
        assertEquals(200, ask().statusCode(), "recovered by itself");
    }
}
