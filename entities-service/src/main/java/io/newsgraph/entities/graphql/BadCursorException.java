package io.newsgraph.entities.graphql;

import io.smallrye.graphql.api.ErrorCode;

/** An {@code after} or {@code before} cursor this service did not hand out for that list; {@code extensions.code} is BAD_CURSOR. */
@ErrorCode("BAD_CURSOR")
public class BadCursorException extends RuntimeException {

    public BadCursorException() {
        super("the cursor is not one this list handed out");
    }
}
