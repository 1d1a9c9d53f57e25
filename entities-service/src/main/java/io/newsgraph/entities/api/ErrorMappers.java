package io.newsgraph.entities.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.newsgraph.contract.ExtractionContract;
import io.newsgraph.entities.domain.InvalidInputException;
import io.newsgraph.entities.extraction.EngineUnavailableException;
import io.newsgraph.service.DatabaseFailures;
import io.quarkus.arc.ArcUndeclaredThrowableException;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.hibernate.JDBCException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@code {"code", "message"}}; a stack trace never reaches a client. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return json(ExtractionContract.NON_RETRYABLE_STATUS, e.code(), e.getMessage());
    }

    /** The NER engine is still loading (or failed to): retryable, so not 422. */
    @ServerExceptionMapper
    public Response engineUnavailable(EngineUnavailableException e) {
        return json(503, "ENGINE_UNAVAILABLE", "the extraction engine is not ready yet; retry later");
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        return json(400, "MALFORMED_JSON", "the body is not valid JSON of the expected shape");
    }

    /**
     * A field of the wrong type ({@code "version": "one"}). Declared for the exact type because the JSON provider's
     * own mapper for it, which answers 400 with an empty body, would otherwise win over the general one above.
     */
    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException) {
                return unreadableJson((JsonProcessingException) t);
            }
        }
        String code = switch (status) {
            case 400 -> "BAD_REQUEST";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> "HTTP_" + status;
        };
        String message = status == 400 ? "the request could not be read" : e.getResponse().getStatusInfo().getReasonPhrase();
        return json(status, code, message);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return failure(e);
    }

    // A lost database connection surfaces as these types too; each needs its own mapper, as a more specific mapper
    // would otherwise win over the general one.

    @ServerExceptionMapper
    public Response jdbc(JDBCException e) {
        return failure(e);
    }

    /** A commit that failed because the connection went away mid-transaction. */
    @ServerExceptionMapper
    public Response transaction(QuarkusTransactionException e) {
        return failure(e);
    }

    @ServerExceptionMapper
    public Response undeclared(ArcUndeclaredThrowableException e) {
        return failure(e);
    }

    /**
     * 503 DATABASE_UNAVAILABLE with Retry-After while PostgreSQL is away (the relay retries; nothing was stored);
     * any other failure is a 500 with its stack trace in the log only.
     */
    private static Response failure(Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(json(503, "DATABASE_UNAVAILABLE", "the database is unavailable; retry shortly"))
                    .header("Retry-After", "2").build();
        }
        LOG.error("request failed", e);
        return json(500, "INTERNAL_ERROR", "the request failed inside the service; it can be retried");
    }

    static Response json(int status, String code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code, message)).build();
    }
}
