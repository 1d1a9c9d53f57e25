package io.newsgraph.articles.api;

import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/** Without a configured key (as in the prod profile) every write is refused; reads still work. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
@TestProfile(NoApiKeyConfiguredTest.NoKey.class)
class NoApiKeyConfiguredTest {

    public static class NoKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsgraph.articles.api-key", "");
        }
    }

    @Test
    void writesAreRefusedWhateverKeyIsSent() {
        for (String key : new String[]{"", "test-articles-key", "anything"}) {
            given().header("X-Api-Key", key).contentType("application/json").body("{\"body\": \"x\"}")
                    .post("/articles").then().statusCode(401).body("code", is("UNAUTHORIZED"))
                    .body("message", containsString("no API key is configured"));
        }
        given().get("/articles").then().statusCode(200);
    }
}
