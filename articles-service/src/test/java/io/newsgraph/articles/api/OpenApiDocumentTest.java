package io.newsgraph.articles.api;

import io.newsgraph.security.rest.Guarded;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsgraph.testing.OpenApiContract;
import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /q/openapi describes every REST endpoint as it is; {@link OpenApiContract} says what that covers. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class OpenApiDocumentTest {

    @TestHTTPResource("/")
    URL base;

    private OpenApiContract contract() {
        return new OpenApiContract(base.toString(), "ErrorBody", "bearer",
                element -> element.isAnnotationPresent(Guarded.class), ArticleResource.class);
    }

    @Test
    void theDocumentMatchesTheResources() {
        contract().check();
    }

    @Test
    void bodiesAreDescribed() {
        JsonNode doc = contract().document();
        assertEquals(Set.of("code", "message"), names(doc.at("/components/schemas/ErrorBody/properties")));
        assertTrue(doc.at("/paths/~1articles/post/requestBody/content").has("text/markdown"), "ingest takes markdown");
        assertTrue(names(doc.at("/components/schemas/Ingest/properties")).containsAll(Set.of("body", "externalId")));
        assertTrue(names(doc.at("/components/schemas/ArticleView/properties")).containsAll(Set.of("id", "version", "sections")));
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new TreeSet<>();
        object.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
