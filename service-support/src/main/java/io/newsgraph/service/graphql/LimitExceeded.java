package io.newsgraph.service.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.language.SourceLocation;

import java.util.List;
import java.util.Map;

/** A GraphQL request error for an operation over one of the limits: a clear message and a stable code. */
public final class LimitExceeded implements GraphQLError {

    public static final String MAX_DEPTH_EXCEEDED = "MAX_DEPTH_EXCEEDED";
    public static final String MAX_ALIASES_EXCEEDED = "MAX_ALIASES_EXCEEDED";
    public static final String COST_ESTIMATED_TOO_EXPENSIVE = "COST_ESTIMATED_TOO_EXPENSIVE";
    public static final String MAX_PAGE_SIZE_EXCEEDED = "MAX_PAGE_SIZE_EXCEEDED";
    public static final String MAX_REPRESENTATIONS_EXCEEDED = "MAX_REPRESENTATIONS_EXCEEDED";
    public static final String MAX_ANSWER_SIZE_EXCEEDED = "MAX_ANSWER_SIZE_EXCEEDED";

    private final String code;
    private final String message;

    public LimitExceeded(String code, String message) {
        this.code = code;
        this.message = message;
    }

    public String code() {
        return code;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorType.ExecutionAborted;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code);
    }
}
