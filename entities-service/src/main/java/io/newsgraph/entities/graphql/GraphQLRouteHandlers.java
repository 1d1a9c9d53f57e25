package io.newsgraph.entities.graphql;

import io.newsgraph.security.AccessGuard;
import io.newsgraph.security.graphql.SubscriptionUpgradeCheck;
import io.newsgraph.service.graphql.UnreadableRequests;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The /graphql route's own handlers: the read rule on a subscription's WebSocket upgrade, and the failure handler
 * that answers an unreadable body with a 400 instead of a 500.
 */
@ApplicationScoped
class GraphQLRouteHandlers {

    void install(@Observes Router router, AccessGuard guard) {
        SubscriptionUpgradeCheck.install(router, "/graphql", guard);
        router.route("/graphql").order(Integer.MIN_VALUE).failureHandler(new UnreadableRequests());
    }
}
