package io.newsgraph.entities.support;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;

/** Waits for the service under test: with the real pipeline, readiness includes the NER models being loaded. */
public final class Readiness {

    private Readiness() {
    }

    /** Blocks until /q/health/ready answers 200; a loaded machine can take minutes to read the models. */
    public static void await() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(10));
        while (given().get("/q/health/ready").statusCode() != 200) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not ready: " + given().get("/q/health/ready").asString());
            }
            Thread.sleep(1000);
        }
    }
}
