package io.newsgraph.service.graphql;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.smallrye.graphql.api.ErrorCode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Keeps internals out of the errors a client sees: a message naming a Java class or package, an exception, a stack
 * frame or a host is replaced by a plain one with a stable code. Messages written for clients pass unchanged.
 */
public final class ClientErrors {

    public static final String BAD_USER_INPUT = "BAD_USER_INPUT";
    public static final String INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR";

    /** Qualified names (io.newsgraph.X, java.lang.String, a host name), Foo$Bar, FooException, stack frames. */
    private static final Pattern INTERNAL = Pattern.compile(
            "\\b[A-Za-z_][\\w-]*(\\.[A-Za-z_][\\w-]*){2,}"
                    + "|\\w\\$\\w"
                    + "|\\b\\w*(Exception|Error)\\b"
                    + "|\\bat [\\w.$]+\\("
                    + "|\\bSQL\\b|\\bselect\\b.*\\bfrom\\b");

    private ClientErrors() {
    }

    public static boolean isInternal(String message) {
        return message != null && INTERNAL.matcher(message).find();
    }

    public static List<GraphQLError> clean(List<GraphQLError> errors) {
        return errors.stream().map(ClientErrors::clean).toList();
    }

    public static GraphQLError clean(GraphQLError error) {
        if (error instanceof ExceptionWhileDataFetching fetching && !hasOwnCode(fetching.getException())) {
            // SmallRye would derive extensions.code from the exception's class name ("class-cast")
            return GraphqlErrorBuilder.newError()
                    .message(isInternal(error.getMessage()) ? "The request could not be completed" : error.getMessage())
                    .locations(error.getLocations())
                    .path(error.getPath())
                    .errorType(ErrorType.DataFetchingException)
                    .extensions(Map.of("code", INTERNAL_SERVER_ERROR))
                    .build();
        }
        if (!isInternal(error.getMessage())) {
            return error;
        }
        boolean input = isInputError(error.getErrorType());
        Map<String, Object> extensions = new HashMap<>();
        extensions.put("code", input ? BAD_USER_INPUT : INTERNAL_SERVER_ERROR);
        return GraphqlErrorBuilder.newError()
                .message(input ? "An argument or variable has a value its type does not accept"
                        : "The request could not be completed")
                .locations(error.getLocations())
                .path(error.getPath())
                .errorType(error.getErrorType() == null ? ErrorType.DataFetchingException : error.getErrorType())
                .extensions(extensions)
                .build();
    }

    /** An exception that carries its code itself (a GraphQLError's extensions, or SmallRye's {@code @ErrorCode}). */
    private static boolean hasOwnCode(Throwable t) {
        return t instanceof GraphQLError || t != null && t.getClass().isAnnotationPresent(ErrorCode.class);
    }

    private static boolean isInputError(ErrorClassification type) {
        return type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax
                || (type != null && type.toString().contains("Validation"));
    }
}
