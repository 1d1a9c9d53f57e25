package io.newsgraph.articles.api;

import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Routes the exception types a lost database connection surfaces as to {@link ApiErrors#failure}, which answers 503
 * {@code DATABASE_UNAVAILABLE} with {@code Retry-After} so that clients retry instead of treating it as a bug. The
 * connection pool reconnects by itself once the database is back; the failed request stored nothing (ingest is
 * idempotent, so a retry is safe).
 */
public class DatabaseUnavailableMapper {

    @ServerExceptionMapper
    public Response jdbc(JDBCException e) {
        return ApiErrors.failure(e);
    }

    /** A commit that failed because the connection went away mid-transaction. */
    @ServerExceptionMapper
    public Response transaction(QuarkusTransactionException e) {
        return ApiErrors.failure(e);
    }

    /** The same, when it surfaces from a {@code @Transactional} method as an undeclared checked exception. */
    @ServerExceptionMapper
    public Response undeclared(ArcUndeclaredThrowableException e) {
        return ApiErrors.failure(e);
    }
}
