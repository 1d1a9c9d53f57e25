package io.newsgraph.gateway.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CsrfPolicyTest {

    private final CsrfPolicy policy = new CsrfPolicy(List.of("apollo-require-preflight", "X-Apollo-Operation-Name"));

    private boolean refuses(String contentType, Map<String, String> headers) {
        return policy.refuses(contentType, h -> headers.get(h));
    }

    @Test
    void requestsABrowserSendsWithoutPreflightAreRefused() {
        assertTrue(refuses(null, Map.of()), "no content type: a GET or an empty form");
        assertTrue(refuses("text/plain", Map.of()));
        assertTrue(refuses("text/plain; charset=utf-8", Map.of()));
        assertTrue(refuses("application/x-www-form-urlencoded", Map.of()));
        assertTrue(refuses("Multipart/Form-Data; boundary=x", Map.of()));
        assertTrue(refuses("", Map.of()));
        assertTrue(refuses("garbage", Map.of()));
        assertTrue(refuses("text/plain", Map.of("apollo-require-preflight", " ")), "a blank header does not count");
    }

    @Test
    void preflightedRequestsPass() {
        assertFalse(refuses("application/json", Map.of()));
        assertFalse(refuses("application/json; charset=utf-8", Map.of()));
        assertFalse(refuses("application/graphql-response+json", Map.of()));
        assertFalse(refuses(null, Map.of("apollo-require-preflight", "true")), "a GET with the required header");
        assertFalse(refuses("text/plain", Map.of("x-apollo-operation-name", "Q")), "header names are matched lower-cased");
    }
}
