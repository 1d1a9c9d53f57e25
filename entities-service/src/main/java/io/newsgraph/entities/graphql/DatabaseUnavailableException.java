package io.newsgraph.entities.graphql;

import io.smallrye.graphql.api.ErrorCode;

/**
 * The database cannot be reached right now (down, restarting, pool exhausted): {@code extensions.code} is
 * DATABASE_UNAVAILABLE, the code articles-service and the gateway use, so clients retry instead of reporting a bug.
 */
@ErrorCode("DATABASE_UNAVAILABLE")
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException() {
        super("the database is unavailable; retry shortly");
    }
}
