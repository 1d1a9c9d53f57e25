package io.newsgraph.articles.api;

import io.newsgraph.articles.domain.ErrorCode;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;

/**
 * The database cannot be reached (restarting, failing over, network): 503 {@code DATABASE_UNAVAILABLE} with
 * {@code Retry-After}, so that clients retry instead of treating it as a bug. The connection pool reconnects by itself
 * once the database is back; the failed request stored nothing (ingest is idempotent, so a retry is safe). Any other
 * failure stays a 500.
 */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    public Response jdbc(JDBCException e) {
        return map(e);
    }

    /** A commit that failed because the connection went away mid-transaction. */
    @ServerExceptionMapper
    public Response transaction(QuarkusTransactionException e) {
        return map(e);
    }

    /** The same, when it surfaces from a {@code @Transactional} method as an undeclared checked exception. */
    @ServerExceptionMapper
    public Response undeclared(ArcUndeclaredThrowableException e) {
        return map(e);
    }

    private static Response map(Exception e) {
        if (!unavailable(e, 0)) {
            LOG.error("request failed", e);
            return ApiErrors.of(ErrorCode.INTERNAL_ERROR, "internal error");
        }
        LOG.warnf("database unavailable: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("DATABASE_UNAVAILABLE", "the database is unavailable; retry in a few seconds"))
                .build();
    }

    /**
     * Connection failures (SQLSTATE class 08), and the server shutting down or starting up (57P01 admin shutdown,
     * 57P02 crash shutdown, 57P03 cannot connect now), anywhere in the causes or suppressed exceptions.
     */
    static boolean unavailable(Throwable t, int depth) {
        if (t == null || depth > 10) {
            return false;
        }
        if (t instanceof JDBCConnectionException) {
            return true;
        }
        String state = t instanceof SQLException sql ? sql.getSQLState() : t instanceof JDBCException jdbc ? jdbc.getSQLState() : null;
        if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
            return true;
        }
        for (Throwable s : t.getSuppressed()) {
            if (unavailable(s, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && unavailable(t.getCause(), depth + 1);
    }
}
