package io.newsgraph.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP for the tests, with a timeout on every call: a hang is a failure, not a stuck build. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Http() {
    }

    /** A response: status and body, with the body parsed as JSON on demand. */
    record Response(int status, String body, String contentType) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (HTTP " + status + "): " + abbreviate(body), e);
            }
        }

        boolean isJson() {
            try {
                JSON.readTree(body);
                return body != null && !body.isBlank();
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + abbreviate(body);
        }
    }

    static Response get(String url, String... headers) {
        return send(request(url, headers).GET().build());
    }

    static Response delete(String url, String... headers) {
        return send(request(url, headers).DELETE().build());
    }

    static Response post(String url, String contentType, byte[] body, String... headers) {
        return send(request(url, headers).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    static Response post(String url, String contentType, String body, String... headers) {
        return post(url, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    static Response put(String url, String contentType, String body, String... headers) {
        return send(request(url, headers).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    static Response postJson(String url, Object body, String... headers) {
        try {
            return post(url, "application/json", JSON.writeValueAsString(body), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GraphQL POST; the answer whatever its status. */
    static Response graphql(String url, String query, Map<String, Object> variables, String... headers) {
        ObjectNode body = JSON.createObjectNode();
        body.put("query", query);
        if (variables != null) {
            body.set("variables", JSON.valueToTree(variables));
        }
        return postJson(url, body, headers);
    }

    /** A GraphQL POST that must succeed without errors; returns {@code data}. */
    static JsonNode graphqlData(String url, String query, Map<String, Object> variables, String... headers) {
        Response r = graphql(url, query, variables, headers);
        JsonNode json = r.json();
        if (r.status() != 200 || json.has("errors") && !json.get("errors").isEmpty()) {
            throw new AssertionError("GraphQL failed at " + url + ": " + r + "\nquery: " + query);
        }
        return json.get("data");
    }

    private static HttpRequest.Builder request(String url, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    static Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body(), r.headers().firstValue("content-type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }
}
