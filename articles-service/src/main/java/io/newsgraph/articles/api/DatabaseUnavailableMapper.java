package io.newsgraph.articles.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The database cannot be reached (restarting, failing over, network): 503 {@code DATABASE_UNAVAILABLE} with
 * {@code Retry-After}, so that clients retry instead of treating it as a bug. The connection pool reconnects by itself
 * once the database is back; the failed request stored nothing. Any other JDBC failure stays a 500.
 */
public class DatabaseUnavailableMapper {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableMapper.class);

    @ServerExceptionMapper
    public Response jdbc(JDBCException e) {
        if (!unavailable(e)) {
            LOG.error("request failed", e);
            return ApiErrors.of(io.newsgraph.articles.domain.ErrorCode.INTERNAL_ERROR, "internal error");
        }
        LOG.warnf("database unavailable: %s", e.getMessage());
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("DATABASE_UNAVAILABLE", "the database is unavailable; retry in a few seconds"))
                .build();
    }

    /**
     * Connection failures (SQLSTATE class 08), and the server shutting down or starting up (57P01 admin shutdown,
     * 57P02 crash shutdown, 57P03 cannot connect now), which Hibernate reports as generic JDBC errors.
     */
    static boolean unavailable(JDBCException e) {
        String state = e.getSQLState();
        return e instanceof JDBCConnectionException
                || state != null && (state.startsWith("08") || state.startsWith("57P0"));
    }
}
