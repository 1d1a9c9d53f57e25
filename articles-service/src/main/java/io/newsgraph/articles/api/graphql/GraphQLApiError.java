package io.newsgraph.articles.api.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.language.SourceLocation;
import io.newsgraph.articles.domain.ArticleException;

import java.util.List;
import java.util.Map;

/**
 * An {@link ArticleException} as GraphQL sees it: the message, and the stable code in {@code extensions.code}
 * (graphql-java copies the extensions of an exception that is a {@link GraphQLError}).
 */
public class GraphQLApiError extends RuntimeException implements GraphQLError {

    private final String code;

    public GraphQLApiError(ArticleException cause) {
        super(cause.getMessage(), null, false, false);
        this.code = cause.code().name();
    }

    @Override
    public List<SourceLocation> getLocations() {
        return null;
    }

    @Override
    public ErrorClassification getErrorType() {
        return null;
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("code", code);
    }

    public String code() {
        return code;
    }
}
