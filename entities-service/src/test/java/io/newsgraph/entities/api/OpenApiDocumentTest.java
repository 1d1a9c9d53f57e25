package io.newsgraph.entities.api;

import io.newsgraph.security.rest.Guarded;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.entities.support.ScriptedPipelineProfile;
import io.newsgraph.testing.OpenApiContract;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/openapi describes every REST endpoint as it is; {@link OpenApiContract} says what that covers. */
@QuarkusTest
@TestProfile(ScriptedPipelineProfile.class)
@QuarkusTestResource(PostgresTestResource.class)
class OpenApiDocumentTest {

    @TestHTTPResource("/")
    URL base;

    private OpenApiContract contract() {
        // Deliveries create or remove what their path names, idempotently: no 404 there.
        return new OpenApiContract(base.toString(), "ErrorResponse", "bearer",
                element -> element.isAnnotationPresent(Guarded.class), ExtractResource.class, ExtractionResource.class)
                .pathParametersNeverMiss();
    }

    @Test
    void theDocumentMatchesTheResources() {
        contract().check();
    }

    @Test
    void bothBodiesOfExtractAndTheKeySchemeAreDescribed() {
        JsonNode doc = contract().document();
        JsonNode extract = doc.at("/paths/~1extract/post/requestBody/content");
        assertTrue(extract.has("text/plain") && extract.has("application/json"), "text and JSON: " + extract);
        assertTrue(doc.at("/paths/~1extractions~1{articleId}/put/requestBody/content/application~1json/schema/$ref").asText()
                .endsWith("/ExtractionRequest"));
        assertEquals("bearer", doc.at("/components/securitySchemes/bearer/scheme").asText());
    }
}
