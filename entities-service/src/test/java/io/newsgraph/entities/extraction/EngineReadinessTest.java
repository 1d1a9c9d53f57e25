package io.newsgraph.entities.extraction;

import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In the running service: readiness is DOWN while the engine loads and UP once it has, and the injected pipeline is
 * the real one.
 */
@QuarkusTest
@TestProfile(EngineReadinessTest.LoadAtStartup.class)
@QuarkusTestResource(PostgresTestResource.class)
class EngineReadinessTest {

    /** Loads the engine at start-up, whatever the test configuration says. */
    public static class LoadAtStartup implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsgraph.extraction.load-at-startup", "true", "newsgraph.extraction.workers", "1");
        }
    }

    @Inject
    ExtractionPipeline pipeline;

    @Test
    void readinessWaitsForTheEngineThenTheServiceExtracts() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        int status;
        JsonPath health;
        boolean sawLoading = false;
        do {
            var response = given().get("/q/health/ready");
            status = response.statusCode();
            health = response.jsonPath();
            String state = health.getString("checks.find { it.name == 'ner-engine' }.data.state");
            if (status == 503) {
                assertEquals("loading", state);
                sawLoading = true;
                Thread.sleep(500);
            }
        } while (status == 503 && Instant.now().isBefore(deadline));
        assertEquals(200, status, health.prettify());
        assertEquals("UP", health.getString("checks.find { it.name == 'ner-engine' }.status"));
        assertEquals("loaded", health.getString("checks.find { it.name == 'ner-engine' }.data.state"));
        assertTrue(sawLoading, "readiness answered UP before the models could have loaded");

        ExtractionResult result = pipeline.extract(new ArticleText("Austin meets Nakatani",
                "Secretary of Defense Lloyd J. Austin III met Japan's Minister of Defense, Nakatani Gen, in Tokyo.",
                LocalDate.of(2024, 10, 9)));
        assertEquals("nlp4j-1.1.3", result.engine());
        assertTrue(result.entities().stream().anyMatch(e -> e.type() == EntityType.PERSON
                && e.name().equals("Lloyd J. Austin III") && e.aliases().contains("Austin")), result.toString());
    }
}
