package io.newsgraph.security.graphql;

import io.newsgraph.security.AccessGuard;
import io.newsgraph.security.AccessPolicy;
import io.newsgraph.security.AccessRefusedException;
import io.newsgraph.security.http.AccessFailureHandler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A subgraph's subscriptions are reads, and their caller is known only on the WebSocket upgrade: the one HTTP request
 * its token comes on (the gateway puts the client's token there). So the read rule is applied to the upgrade, where
 * a refusal is still an HTTP answer with its status and code. Past the upgrade SmallRye GraphQL reports an exception
 * from {@link GraphQLAccessCheck} only as "Internal server error", which would hide why.
 *
 * <p>Installed by each subgraph on its {@code /graphql} route (not by the gateway, whose browsers send the token in
 * {@code connection_init}).
 */
public final class SubscriptionUpgradeCheck {

    /** After authentication (the identity is known), before SmallRye GraphQL's WebSocket handler (order -99). */
    static final int ORDER = -101;

    private SubscriptionUpgradeCheck() {
    }

    public static void install(Router router, String path, AccessGuard guard) {
        router.route(path).order(ORDER).handler(ctx -> check(ctx, guard));
    }

    static void check(RoutingContext ctx, AccessGuard guard) {
        String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
        if (upgrade != null && upgrade.equalsIgnoreCase("websocket")) {
            try {
                guard.require(AccessPolicy.Operation.READ, ctx);
            } catch (AccessRefusedException refused) {
                AccessFailureHandler.write(ctx, refused);
                return;
            }
        }
        ctx.next();
    }
}
