package io.newsgraph.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GraphQL bodies nested past what a subgraph's JSON reader reads, and the check that each is the caller's error. */
public final class UnreadableBodies {

    public static final List<String> NESTED_TOO_DEEP = List.of(
            "{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}}",
            "{\"query\":\"{ __typename }\",\"variables\":" + "{\"a\":".repeat(5000) + "1" + "}".repeat(5000) + "}");

    private UnreadableBodies() {
    }

    /** Each body answers 400 BAD_REQUEST and a normal query right after still runs. */
    public static void assertRefusedThenAnswering(URI endpoint) throws Exception {
        for (String body : NESTED_TOO_DEEP) {
            HttpResponse<String> r = post(endpoint, body);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("\"code\":\"BAD_REQUEST\""), r.body());
        }
        HttpResponse<String> normal = post(endpoint, "{\"query\":\"{ __typename }\"}");
        assertEquals(200, normal.statusCode(), normal.body());
        assertTrue(normal.body().contains("\"__typename\""), normal.body());
    }

    // java.net.http, not RestAssured: its request log would pretty-print the nesting itself
    private static HttpResponse<String> post(URI endpoint, String body) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
