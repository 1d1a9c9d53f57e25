package io.newsgraph.security.http;

import io.newsgraph.security.AccessRefusedException;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Answers every refused request the same way in every service: a token that does not verify (Quarkus fails the
 * request before any handler runs) and an operation the policy refuses (thrown by a GraphQL execution) become
 * 401 {@code UNAUTHENTICATED} or 403 {@code FORBIDDEN}, as a GraphQL error on {@code /graphql} and as the REST error
 * body elsewhere. Nothing of the token or of why it failed is echoed or logged.
 */
public class AccessFailureHandler {

    /** Ahead of every route's own failure handler, which would otherwise answer these as internal errors. */
    static final int ORDER = -1_000_000;

    void register(@Observes Router router) {
        router.route().order(ORDER).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        AccessRefusedException refused = refusal(ctx.failure());
        if (refused == null || ctx.response().ended()) {
            ctx.next();
            return;
        }
        write(ctx, refused);
    }

    /** Writes the refusal as the client of {@code ctx} expects it. */
    public static void write(RoutingContext ctx, AccessRefusedException refused) {
        JsonObject body = isGraphQL(ctx)
                ? new JsonObject().put("errors", new JsonArray(List.of(new JsonObject()
                        .put("message", refused.getMessage())
                        .put("extensions", new JsonObject().put("code", refused.code())))))
                : new JsonObject().put("code", refused.code()).put("message", refused.getMessage());
        if (refused.httpStatus() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
        }
        ctx.response().setStatusCode(refused.httpStatus())
                .putHeader("content-type", "application/json; charset=utf-8")
                .end(body.encode());
    }

    static AccessRefusedException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof AccessRefusedException refused) {
                return refused;
            }
            if (t instanceof AuthenticationFailedException) {
                return AccessRefusedException.invalidToken();
            }
        }
        return null;
    }

    private static boolean isGraphQL(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        return path != null && (path.equals("/graphql") || path.startsWith("/graphql/"));
    }
}
