package io.newsgraph.service.graphql;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The failure handler of a service's {@code /graphql} route: a body that SmallRye GraphQL's JSON reader (Parsson)
 * gives up on, as it does past 1,000 levels of nesting, fails the route with a plain {@code RuntimeException} that
 * would become a 500. It is the caller's error: 400 with a stable code. Every other failure goes on to Quarkus's
 * own handler, unchanged.
 */
public final class UnreadableRequests implements Handler<RoutingContext> {

    public static final String CODE = "BAD_REQUEST";
    private static final String BODY = "{\"errors\":[{\"message\":\"The request body nests deeper than this service reads\","
            + "\"extensions\":{\"code\":\"" + CODE + "\"}}]}";

    @Override
    public void handle(RoutingContext ctx) {
        if (ctx.response().headWritten() || !fromJsonReader(ctx.failure())) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(400).putHeader("Content-Type", "application/json").end(BODY);
    }

    /** Whether the failure was thrown by the JSON reader itself (its frames, in it or in a cause). */
    static boolean fromJsonReader(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            if (frames.length > 0 && frames[0].getClassName().startsWith("org.eclipse.parsson.")) {
                return true;
            }
        }
        return false;
    }
}
