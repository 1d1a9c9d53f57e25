package io.newsgraph.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ErrorHygieneTest {

    @Test
    void messagesNamingInternalsAreRecognised() {
        for (String m : List.of("Unknown Scalar Type [io.newsgraph.articles.api.graphql.GraphQLTypes$ArticleFilter]",
                "HttpTimeoutException: request timed out", "java.lang.NullPointerException", "OutOfMemoryError",
                "ERROR: syntax error at or near \"DROP\"", "could not execute statement; SQL state 22021",
                "select a.id from article a where x", "connect to entities-service:8082 failed", "http://10.0.0.7/graphql",
                "at io.newsgraph.X.run(X.java:12)", "dial 10.1.2.3 refused")) {
            assertTrue(ErrorHygiene.isInternal(m), m);
        }
        for (String m : List.of("Article 4 not found", "first must be 1 to 100", "Syntax Error: Unexpected Name \"x\"",
                "Validation error of type FieldUndefined", "published 2024-10-09T10:30:00Z", "VERSION_CONFLICT: stale version 3",
                "Subgraph \"entities\" could not be reached or gave no GraphQL answer")) {
            assertFalse(ErrorHygiene.isInternal(m), m);
        }
    }

    @Test
    void internalMessagesAndExceptionDetailsAreReplaced() {
        Map<String, Object> ext = Map.of("code", "INTERNAL", "serviceName", "articles", "exception", Map.of("x", 1),
                "classification", "DataFetchingException");
        List<Map<String, Object>> clean = ErrorHygiene.clean(List.of(
                Map.of("message", "java.sql.SQLException: boom", "path", List.of("a"), "extensions", ext),
                Map.of("message", "Article not found", "extensions", Map.of("code", "NOT_FOUND"))));
        Map<String, Object> first = clean.get(0);
        assertTrue(((String) first.get("message")).startsWith("Subgraph \"articles\" failed to resolve this field (error id "), first.toString());
        assertEquals(List.of("a"), first.get("path"));
        assertEquals(Map.of("code", "INTERNAL", "serviceName", "articles"), first.get("extensions"));
        assertEquals(Map.of("message", "Article not found", "extensions", Map.of("code", "NOT_FOUND")), clean.get(1));
    }
}
