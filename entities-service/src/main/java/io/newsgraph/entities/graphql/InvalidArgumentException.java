package io.newsgraph.entities.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** An argument out of its range (page size, empty search); {@code extensions.code} is INVALID_ARGUMENT. */
@ErrorCode("INVALID_ARGUMENT")
public class InvalidArgumentException extends RuntimeException {

    public InvalidArgumentException(String message) {
        super(message);
    }
}
