package io.newsgraph.articles.api;

import io.newsgraph.articles.domain.ArticleException;
import io.newsgraph.articles.domain.ErrorCode;
import io.newsgraph.service.DatabaseFailures;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Maps every failure to {@code {"code", "message"}} with a 4xx/5xx status; never a stack trace. */
public class ApiErrors {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    @ServerExceptionMapper
    public Response article(ArticleException e) {
        return of(e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return of(ErrorCode.NOT_FOUND, "no such resource");
        }
        if (e instanceof NotAllowedException) {
            return of(ErrorCode.METHOD_NOT_ALLOWED, "method not allowed on this resource");
        }
        if (e instanceof NotSupportedException) {
            return of(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported Content-Type");
        }
        if (e instanceof NotAcceptableException) {
            return of(ErrorCode.NOT_ACCEPTABLE, "cannot produce the requested media type");
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return of(ErrorCode.INTERNAL_ERROR, "internal error");
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody("BAD_REQUEST", "the request is not valid")).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        return failure(e);
    }

    /** 503 {@code DATABASE_UNAVAILABLE} with {@code Retry-After} while the database is away; any other failure is a 500. */
    static Response failure(Exception e) {
        if (DatabaseFailures.isUnavailable(e)) {
            LOG.warnf("database unavailable: %s", e.getMessage());
            return Response.fromResponse(of(ErrorCode.DATABASE_UNAVAILABLE,
                    "the database is unavailable; retry shortly")).header("Retry-After", "2").build();
        }
        LOG.error("request failed", e);
        return of(ErrorCode.INTERNAL_ERROR, "internal error");
    }

    static Response of(ErrorCode code, String message) {
        return Response.status(code.status()).type(MediaType.APPLICATION_JSON).entity(new ErrorBody(code.name(), message))
                .build();
    }
}
