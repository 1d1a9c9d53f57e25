package io.newsgraph.articles.graphql;

import io.newsgraph.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.http.TestHTTPResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request body the endpoint's JSON reader refuses is the caller's error, however it is built. */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class UnreadableRequestTest {

    @TestHTTPResource("/graphql")
    URI endpoint;

    // java.net.http, not RestAssured: its request log would pretty-print the nesting itself
    HttpResponse<String> post(String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void variablesNestedTooDeepAreRefused() throws Exception {
        for (String body : new String[] {
                "{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}",
                "{\"query\":\"{ __typename }\",\"variables\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}"}) {
            HttpResponse<String> r = post(body);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"code\":\"BAD_REQUEST\""), r.body());
        }
        HttpResponse<String> normal = post("{\"query\":\"{ __typename }\"}");
        assertEquals(200, normal.statusCode(), normal.body());
        assertTrue(normal.body().contains("\"__typename\""), normal.body());
    }
}
