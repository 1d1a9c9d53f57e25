package io.newsgraph.gateway.http;

import java.util.Map;

import io.newsgraph.gateway.config.GatewayConfig;
import io.newsgraph.gateway.limits.GraphQLFailure;

/**
 * The operation a client sent, {@code {"query", "operationName", "variables"}}, as a POST body or a WebSocket
 * {@code subscribe} payload: the same checks for both, before anything is parsed.
 */
record OperationRequest(String query, String operationName, Map<String, Object> variables) {

    /** The three members, each of its JSON type (BAD_REQUEST otherwise); the query's presence is checked later. */
    @SuppressWarnings("unchecked")
    static OperationRequest of(Map<?, ?> request) {
        Object query = request.get("query");
        Object name = request.get("operationName");
        Object variables = request.get("variables");
        if (query != null && !(query instanceof String)) {
            throw new GraphQLFailure(400, "BAD_REQUEST", "\"query\" must be a string.");
        }
        if (name != null && !(name instanceof String)) {
            throw new GraphQLFailure(400, "BAD_REQUEST", "\"operationName\" must be a string.");
        }
        if (variables != null && !(variables instanceof Map)) {
            throw new GraphQLFailure(400, "BAD_REQUEST", "\"variables\" must be an object.");
        }
        return new OperationRequest((String) query, (String) name, (Map<String, Object>) variables);
    }

    /** A query is there and within {@code max-document-size}. */
    static void checkQuery(String query, GatewayConfig.Limits limits) {
        if (query == null || query.isBlank()) {
            throw new GraphQLFailure(400, "BAD_REQUEST", "GraphQL operations must contain a non-empty \"query\".");
        }
        if (query.length() > limits.maxDocumentSize()) {
            throw new GraphQLFailure(400, "MAX_DOCUMENT_SIZE_EXCEEDED", "Document has " + query.length()
                    + " characters; the limit (max-document-size) is " + limits.maxDocumentSize() + ".");
        }
    }
}
